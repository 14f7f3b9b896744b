package io.stowage.api.tracking;

import io.stowage.api.shipping.TrackedCarriers;
import io.stowage.carriers.sandbox.SandboxCarrier;
import io.stowage.carriers.sandbox.SandboxWebhook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Plays the sandbox carrier's side of its webhooks: the signed deliveries its scripted journeys
 * have made due (repeats included, as carriers send) go through the same path as a real carrier's
 * POST to {@code /api/v1/carrier-webhooks/sandbox}: signature check, de-duplication, the ledger.
 * A delivery that fails is not repeated here: the parcel's next poll picks the scan up instead.
 */
@Component
class SandboxWebhookPump {

    private static final Logger log = LoggerFactory.getLogger(SandboxWebhookPump.class);

    private final TrackedCarriers carriers;
    private final CarrierWebhooks webhooks;
    private final CarrierCalls calls;

    SandboxWebhookPump(TrackedCarriers carriers, CarrierWebhooks webhooks, CarrierCalls calls) {
        this.carriers = carriers;
        this.webhooks = webhooks;
        this.calls = calls;
    }

    /** Delivers what is due; answers 0 so the loop waits for the next interval (what fell due meanwhile waits for it too). */
    Mono<Integer> pass() {
        return calls.call(() -> carriers.sandbox().dueWebhooks())
                .flatMapMany(Flux::fromIterable)
                .concatMap(this::deliver)
                .then(Mono.just(0));
    }

    private Mono<Void> deliver(SandboxWebhook webhook) {
        return webhooks.receive(SandboxCarrier.CODE, webhook.body(), webhook.headers()).then()
                .onErrorResume(e -> {
                    log.warn("a sandbox webhook was not taken; the parcel's next poll brings its scan", e);
                    return Mono.empty();
                });
    }
}
