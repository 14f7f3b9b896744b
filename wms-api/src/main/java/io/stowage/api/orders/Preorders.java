package io.stowage.api.orders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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

    Preorders(DatabaseClient db) {
        this.db = db;
    }

    /** Units expected on a date. */
    record Arrival(LocalDate on, int quantity) {
    }

    /** Open ASN quantities per variant and expected date, earliest first. */
    Mono<Map<UUID, List<Arrival>>> incoming(UUID merchantId, Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        SELECT l.variant_id, a.expected_on, sum(l.expected_quantity - l.received_quantity) AS incoming
                        FROM asn_lines l JOIN asns a ON a.id = l.asn_id
                        WHERE a.merchant_id = :merchant AND a.status <> 'closed' AND l.variant_id = ANY(:ids)
                          AND l.received_quantity < l.expected_quantity
                        GROUP BY l.variant_id, a.expected_on
                        ORDER BY l.variant_id, a.expected_on
                        """)
                .bind("merchant", merchantId).bind("ids", variantIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("variant_id", UUID.class),
                        new Arrival(row.get("expected_on", LocalDate.class), row.get("incoming", Number.class).intValue())))
                .all()
                .collect(HashMap<UUID, List<Arrival>>::new, (map, e) -> map.computeIfAbsent(e.getKey(), id -> new ArrayList<>()).add(e.getValue()));
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
