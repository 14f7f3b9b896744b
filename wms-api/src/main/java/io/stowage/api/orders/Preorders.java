package io.stowage.api.orders;

import io.stowage.api.inbound.IncomingStock;
import io.stowage.api.inbound.IncomingStock.Arrival;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * When units that are not in stock can be expected. Open ASN lines are the incoming stock; the
 * units already waiting for a variant are served first, so a new line's date is that of the ASN
 * whose units, counted in date order, reach past everything queued ahead of it. A line that no
 * open ASN covers is a backorder without a date.
 */
@Component
class Preorders {

    private final DatabaseClient db;
    private final IncomingStock incoming;

    Preorders(DatabaseClient db, IncomingStock incoming) {
        this.db = db;
        this.incoming = incoming;
    }

    /** Open ASN quantities per variant and expected date, earliest first. */
    Mono<Map<UUID, List<Arrival>>> incoming(UUID merchantId, Collection<UUID> variantIds) {
        return incoming.byDate(merchantId, variantIds);
    }

    /** Units of these variants already waiting on other orders' lines. */
    Mono<Map<UUID, Integer>> waitingAhead(UUID merchantId, UUID exceptOrder, Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        SELECT l.variant_id, sum(l.waiting) AS waiting FROM order_lines l
                        WHERE l.merchant_id = :merchant AND l.variant_id = ANY(:ids) AND l.waiting > 0 AND l.order_id <> :order
                        GROUP BY l.variant_id
                        """)
                .bind("merchant", merchantId).bind("ids", variantIds.toArray(UUID[]::new)).bind("order", exceptOrder)
                .map(row -> Map.entry(row.get("variant_id", UUID.class), row.get("waiting", Number.class).intValue()))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The date by which {@code ahead + quantity} units will have arrived, or null if the open ASNs do not bring that many. */
    static LocalDate expectedOn(List<Arrival> arrivals, int ahead, int quantity) {
        int cumulative = 0;
        for (Arrival arrival : arrivals) {
            cumulative += arrival.quantity();
            if (cumulative >= ahead + quantity) {
                return arrival.on();
            }
        }
        return null;
    }
}
