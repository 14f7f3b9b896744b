package io.stowage.api.inbound;

import io.stowage.api.Published;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** What open ASNs still bring: the units of their lines not received yet, until the notice is closed. */
@Service
@Published
public class IncomingStock {

    private final DatabaseClient db;

    public IncomingStock(DatabaseClient db) {
        this.db = db;
    }

    /** Units expected on a date. */
    public record Arrival(LocalDate on, int quantity) {
    }

    /** The merchant's incoming units per variant and expected date (any node), earliest first; variants with none are missing. */
    public Mono<Map<UUID, List<Arrival>>> byDate(UUID merchantId, Collection<UUID> variantIds) {
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
}
