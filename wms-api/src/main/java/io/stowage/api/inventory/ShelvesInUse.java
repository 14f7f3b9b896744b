package io.stowage.api.inventory;

import io.stowage.api.Published;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Which locations hold stock now, for features that look for an empty shelf (putaway). */
@Service
@Published
public class ShelvesInUse {

    private final DatabaseClient db;

    public ShelvesInUse(DatabaseClient db) {
        this.db = db;
    }

    /** Those of the locations that hold units of any merchant, in any status. */
    public Mono<Set<UUID>> holdingStock(Collection<UUID> locationIds) {
        if (locationIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql("SELECT DISTINCT location_id FROM stock_balances WHERE location_id = ANY(:locations) AND on_hand > 0")
                .bind("locations", locationIds.toArray(UUID[]::new))
                .map(row -> row.get("location_id", UUID.class))
                .all().collect(HashSet::new, Set::add);
    }
}
