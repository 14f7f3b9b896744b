package io.stowage.api.dayplan;

import io.stowage.api.carriers.CarrierCodes;
import io.stowage.api.orders.OrderStatusChange;
import io.stowage.api.webhooks.EventTypes;
import io.stowage.api.webhooks.OutboxEvent;
import io.stowage.api.webhooks.OutboxSubscriber;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hears through the outbox what happened to planned parcels, so that runs leave labelled ones alone
 * and count them against their carrier's capacity. A carton's label bought ({@code shipment.created})
 * freezes the order's plan on the service actually bought (at carton close shipping may have had to
 * choose another); an order packed or shipped is frozen as planned, and a label bought after that still
 * puts the service bought in (labels are bought after their carton closes, so the last carton's label
 * always comes after the order's move to packed); a cancelled order's plan is dropped. Runs in the
 * fan-out's transaction, once per event, whichever instance claims it.
 */
@Component
class LabelledParcels implements OutboxSubscriber {

    private static final Set<String> LABELLED = Set.of("packed", "shipped", "delivered");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient db;

    LabelledParcels(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public boolean wants(String eventType) {
        return EventTypes.ORDER_STATUS_CHANGED.equals(eventType) || EventTypes.SHIPMENT_CREATED.equals(eventType);
    }

    @Override
    public Mono<Void> handle(OutboxEvent event) {
        if (EventTypes.SHIPMENT_CREATED.equals(event.type())) {
            JsonNode payload = JSON.readTree(event.payload());
            UUID orderId;
            try {
                orderId = UUID.fromString(payload.path("order_id").asString(""));
            } catch (IllegalArgumentException notAnOrderId) {
                return Mono.empty();
            }
            return labelled(orderId, CarrierCodes.normalise(payload.path("carrier").asString("")), payload.path("service_code").asString(""));
        }
        return OrderStatusChange.of(event).map(this::moved).orElse(Mono.empty());
    }

    private Mono<Void> moved(OrderStatusChange change) {
        if (LABELLED.contains(change.to())) {
            return db.sql("UPDATE planned_parcels SET labelled_at = clock_timestamp() WHERE order_id = :order AND labelled_at IS NULL")
                    .bind("order", change.orderId()).then();
        }
        if (change.isTo("cancelled")) {
            return db.sql("DELETE FROM planned_parcels WHERE order_id = :order AND labelled_at IS NULL").bind("order", change.orderId()).then();
        }
        return Mono.empty();
    }

    /**
     * A label fixes the order's plan to the service bought, also when the plan was frozen as planned
     * before (the order packed first). With cartons labelled on different services the plan shows the
     * last label's; a label on the service the plan already shows changes nothing.
     */
    private Mono<Void> labelled(UUID orderId, String carrier, String service) {
        if (carrier.isEmpty() || service.isEmpty()) {
            return Mono.empty();
        }
        String bought = service.contains("/") ? service : carrier + "/" + service;
        return db.sql("""
                        UPDATE planned_parcels SET labelled_at = coalesce(labelled_at, clock_timestamp()), carrier_code = :carrier,
                               service_code = :service,
                               unassigned_reason = NULL,
                               reason = CASE WHEN service_code = :service THEN reason
                                             ELSE 'labelled on ' || :service || ' at carton close instead of '
                                                  || coalesce('the planned ' || service_code, 'no planned service') || '; the plan: ' || reason END
                        WHERE order_id = :order AND (labelled_at IS NULL OR service_code IS DISTINCT FROM :service)
                        """)
                .bind("carrier", carrier).bind("service", bought).bind("order", orderId)
                .then();
    }
}
