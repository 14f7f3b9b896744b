package io.stowage.api.tracking;

import io.stowage.api.shipping.TrackedCarriers;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.api.webhooks.OutboxEvent;
import io.stowage.api.webhooks.OutboxSubscriber;
import io.stowage.carriers.sandbox.SandboxCarrier;
import io.stowage.carriers.spi.TrackingKey;
import io.stowage.carriers.spi.UnknownShipmentException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The warehouse's receipt of a return is the carrier's delivery of its parcel: when the returns station
 * receives a return that came back on a sandbox return label ({@code return.received} names the
 * label), the sandbox delivers that parcel, so its page and its webhooks say so instead of "on its way"
 * forever. A real carrier learns it from its driver's scan at the warehouse door; the sandbox has no
 * driver, so it hears it from the receipt.
 * <p>
 * The sandbox keeps its parcels in its own store (its table, through its own calls), which need not be
 * the fan-out's transaction; that is safe because a receipt told twice changes nothing. Events without
 * a sandbox label, and labels the sandbox does not know (synthetic events, another installation's), are
 * skipped.
 */
@Component
class SandboxReturnDeliveries implements OutboxSubscriber {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TrackedCarriers carriers;
    private final CarrierCalls calls;

    SandboxReturnDeliveries(TrackedCarriers carriers, CarrierCalls calls) {
        this.carriers = carriers;
        this.calls = calls;
    }

    @Override
    public boolean wants(String eventType) {
        return EventTypes.RETURN_RECEIVED.equals(eventType);
    }

    @Override
    public Mono<Void> handle(OutboxEvent event) {
        JsonNode label;
        try {
            label = JSON.readTree(event.payload()).path("label");
        } catch (JacksonException unreadable) {
            return Mono.empty();
        }
        String trackingNumber = label.path("tracking_number").asString("");
        if (!SandboxCarrier.CODE.equals(label.path("carrier").asString("")) || trackingNumber.isEmpty()) {
            return Mono.empty();
        }
        TrackingKey key = new TrackingKey(SandboxCarrier.CODE, trackingNumber);
        return calls.call(() -> carriers.sandbox().returnReceived(key))
                .onErrorResume(UnknownShipmentException.class, unknown -> Mono.empty())
                .then();
    }
}
