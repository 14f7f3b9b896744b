package io.stowage.carriers.spi;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Small helpers for the carrier SPI's {@link CompletionStage}s. */
public final class CarrierFutures {

    private CarrierFutures() {
    }

    /**
     * The failure a stage was completed with: stages further down a chain wrap it in a
     * {@link CompletionException}, which a carrier's caller should never have to look through.
     */
    public static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Runs {@code work}; a failure it throws while starting completes the stage instead, so callers see one way of failing. */
    public static <T> CompletableFuture<T> attempt(Supplier<? extends CompletionStage<T>> work) {
        try {
            return work.get().toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Fails the stage with the cause of {@code failure}, unwrapped. */
    public static <T> CompletableFuture<T> failed(Throwable failure) {
        return CompletableFuture.failedFuture(cause(failure));
    }
}
