package io.stowage.api.picking;

import io.stowage.api.webhooks.EventTypes;
import io.stowage.api.webhooks.OutboxEvent;
import io.stowage.api.webhooks.OutboxSubscriber;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Hears of cancelled orders through the outbox, so that cancelling knows nothing of picking: units
 * already picked for the order get put-back tasks. Runs once per cancellation, in the fan-out's
 * transaction. The event's subject is the order id; an event whose subject is no order id (one
 * appended by hand) names no order that was picked, and changes nothing.
 */
@Component
class PutBackOnCancel implements OutboxSubscriber {


    private final PutBacks putBacks;

    PutBackOnCancel(PutBacks putBacks) {
        this.putBacks = putBacks;
    }

    @Override
    public boolean wants(String eventType) {
        return EventTypes.ORDER_CANCELLED.equals(eventType);
    }

    @Override
    public Mono<Void> handle(OutboxEvent event) {
        UUID orderId;
        try {
            orderId = UUID.fromString(event.subject());
        } catch (IllegalArgumentException notAnOrderId) {
            return Mono.empty();
        }
        return putBacks.forCancelledOrder(event.merchantId(), orderId);
    }
}
