package io.stowage.api.tracking;

import java.util.concurrent.Callable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Where tracking's blocking work runs: carrier tracking calls (remote adapters block on HTTP) and the
 * library's webhook receiver with its blocking de-duplication store. A bounded pool: a slow carrier
 * makes polls queue, not threads multiply, and the event loops never wait.
 */
@Component
class CarrierCalls implements DisposableBean {

    private final Scheduler scheduler;

    CarrierCalls(TrackingSettings settings) {
        this.scheduler = Schedulers.newBoundedElastic(settings.carrierCallThreads(), 1000, "carrier-tracking");
    }

    <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }
}
