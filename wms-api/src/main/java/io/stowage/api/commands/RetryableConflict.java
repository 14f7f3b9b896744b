package io.stowage.api.commands;

/**
 * What a command decided on, read without locks, changed before it wrote (another command took
 * the last units first). Like a deadlock, it is safe to run the command again from the start in a
 * new transaction; {@link CommandRetry} does, and {@link Commands} rolls the first run back.
 */
public class RetryableConflict extends RuntimeException {

    public RetryableConflict(String message) {
        super(message);
    }
}
