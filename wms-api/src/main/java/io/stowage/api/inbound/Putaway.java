package io.stowage.api.inbound;

import io.stowage.api.Published;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Where received units should go: the variant's own pick face at this node first, so pickers find
 * it where they expect; otherwise the nearest empty storage location to where the units stand.
 * Nearness is the rectilinear distance, which is how a person walks between parallel aisles.
 */
@Service
@Published
public class Putaway {

    private final DatabaseClient db;

    public Putaway(DatabaseClient db) {
        this.db = db;
    }

    public record Suggestion(String locationCode, String reason) {
    }

    public Mono<Suggestion> suggest(UUID nodeId, UUID variantId, UUID fromLocationId) {
        Mono<Suggestion> pickFace = db.sql("""
                        SELECT code FROM locations
                        WHERE node_id = :node AND pick_face_variant_id = :variant AND active ORDER BY code LIMIT 1
                        """)
                .bind("node", nodeId).bind("variant", variantId)
                .map(row -> new Suggestion(row.get("code", String.class), "pick_face"))
                .one();
        Mono<Suggestion> nearestFree = db.sql("""
                        SELECT l.code FROM locations l, locations origin
                        WHERE origin.id = :from AND l.node_id = :node AND l.active AND l.id <> origin.id
                          AND l.type IN ('reserve', 'pick_face') AND l.pick_face_variant_id IS NULL
                          AND NOT EXISTS (SELECT 1 FROM stock_balances b WHERE b.location_id = l.id AND b.on_hand > 0)
                        ORDER BY abs(l.x_mm - origin.x_mm) + abs(l.y_mm - origin.y_mm), l.code
                        LIMIT 1
                        """)
                .bind("node", nodeId).bind("from", fromLocationId)
                .map(row -> new Suggestion(row.get("code", String.class), "nearest_free"))
                .one();
        return pickFace.switchIfEmpty(nearestFree);
    }
}
