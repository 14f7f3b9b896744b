package io.stowage.picking;

/**
 * The one error type of the picking-optimizer library: a layout that cannot be built, a location code
 * the layout does not know, an instance file that cannot be read, or a solver that failed.
 */
public class PickingException extends RuntimeException {

    public PickingException(String message) {
        super(message);
    }

    public PickingException(String message, Throwable cause) {
        super(message, cause);
    }
}
