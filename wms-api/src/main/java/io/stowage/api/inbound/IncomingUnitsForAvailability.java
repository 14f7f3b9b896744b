package io.stowage.api.inbound;

import io.stowage.api.availability.IncomingUnits;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** Availability's question: units on open notices not received yet, per variant and node, with the earliest expected day. */
@Component
class IncomingUnitsForAvailability implements IncomingUnits {

    private final DatabaseClient db;

    IncomingUnitsForAvailability(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Flux<Incoming> of(UUID merchantId, Collection<UUID> variantIds) {
        return db.sql("""
                        SELECT l.variant_id, a.node_id, sum(l.expected_quantity - l.received_quantity) AS incoming, min(a.expected_on) AS earliest
                        FROM asn_lines l JOIN asns a ON a.id = l.asn_id
                        WHERE a.merchant_id = :merchant AND a.status <> 'closed' AND l.variant_id = ANY(:ids)
                          AND l.received_quantity < l.expected_quantity
                        GROUP BY l.variant_id, a.node_id
                        """)
                .bind("merchant", merchantId).bind("ids", variantIds.toArray(UUID[]::new))
                .map(row -> new Incoming(row.get("variant_id", UUID.class), row.get("node_id", UUID.class),
                        row.get("incoming", Number.class).intValue(), row.get("earliest", LocalDate.class)))
                .all();
    }
}
