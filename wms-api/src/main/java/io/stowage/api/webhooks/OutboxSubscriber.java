package io.stowage.api.webhooks;

import io.stowage.api.Published;
import reactor.core.publisher.Mono;

/**
 * A part of the service that reacts to outbox events itself rather than over HTTP. The fan-out
 * calls it inside the transaction that claims the event, so what it writes is committed together
 * with the event being marked as handled: exactly once, whichever instance claims it.
 */
@Published
public interface OutboxSubscriber {

    boolean wants(String eventType);

    /** Must only write to the database; slow or blocking work belongs in a queue it writes to. */
    Mono<Void> handle(OutboxEvent event);
}
