package io.stowage.carriers;

import io.stowage.carriers.spi.CarrierFutures;

import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** Tests wait for a carrier's answer here, and see its typed failure as thrown, not wrapped. */
public final class Await {

    private Await() {
    }

    public static <T> T result(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            Throwable cause = CarrierFutures.cause(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
