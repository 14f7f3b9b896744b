package io.stowage.api.tracking;

import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Where tracking's carrier calls become {@link Mono}s. The carrier library answers every call that
 * reaches a carrier or a store with a {@link CompletionStage} and never waits on the caller's thread,
 * so nothing needs a thread pool of its own: the call starts when the Mono is subscribed, and its
 * failure arrives as the carrier's typed exception (Reactor unwraps the {@code CompletionException}).
 */
@Component
class CarrierCalls {

    <T> Mono<T> call(Supplier<? extends CompletionStage<T>> work) {
        return Mono.fromCompletionStage(work);
    }
}
