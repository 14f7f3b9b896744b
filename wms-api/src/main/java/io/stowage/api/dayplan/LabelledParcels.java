package io.stowage.api.dayplan;

import io.stowage.api.webhooks.EventTypes;
import io.stowage.api.webhooks.OutboxEvent;
import io.stowage.api.webhooks.OutboxSubscriber;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Hears through the outbox that an order left the planned parcels: packed (its cartons are
 * labelled) or shipped, its plan is kept and frozen, so later runs neither move it nor give its
 * place on the carrier to another parcel; cancelled, its plan is dropped. Runs in the fan-out's
 * transaction, once per event, whichever instance claims it.
 */
@Component
class LabelledParcels implements OutboxSubscriber {

    private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"([a-z_]+)\"");
    private static final Set<String> LABELLED = Set.of("packed", "shipped", "delivered");

    private final DatabaseClient db;

    LabelledParcels(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public boolean wants(String eventType) {
        return EventTypes.ORDER_STATUS_CHANGED.equals(eventType);
    }

    @Override
    public Mono<Void> handle(OutboxEvent event) {
        UUID orderId;
        try {
            orderId = UUID.fromString(event.subject());
        } catch (IllegalArgumentException notAnOrderId) {
            return Mono.empty();
        }
        Matcher to = TO.matcher(event.payload());
        if (!to.find()) {
            return Mono.empty();
        }
        if (LABELLED.contains(to.group(1))) {
            return db.sql("UPDATE planned_parcels SET labelled_at = clock_timestamp() WHERE order_id = :order AND labelled_at IS NULL")
                    .bind("order", orderId).then();
        }
        if ("cancelled".equals(to.group(1))) {
            return db.sql("DELETE FROM planned_parcels WHERE order_id = :order AND labelled_at IS NULL").bind("order", orderId).then();
        }
        return Mono.empty();
    }
}
