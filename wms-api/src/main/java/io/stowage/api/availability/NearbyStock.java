package io.stowage.api.availability;

import io.stowage.api.database.Params;
import io.stowage.api.problem.ApiProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** "Which stores near me have it": nodes holding sellable units of a variant, nearest first. */
@Service
public class NearbyStock {

    private final DatabaseClient db;

    public NearbyStock(DatabaseClient db) {
        this.db = db;
    }

    public record NearbyNode(String nodeCode, String kind, String name, String city, double distanceKm, int available) {
    }

    public Mono<List<NearbyNode>> near(UUID merchantId, String sku, double latitude, double longitude, double radiusKm, String kind) {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            return Mono.error(ApiProblem.invalid("latitude", "latitude must be within ±90 and longitude within ±180"));
        }
        // Great-circle distance by the haversine formula; the network is small enough to rank in SQL.
        return db.sql("""
                        SELECT n.code, n.kind, n.name, n.city, s.on_hand - s.reserved AS available,
                               2 * 6371.0088 * asin(sqrt(
                                   power(sin(radians(n.latitude - :lat) / 2), 2)
                                   + cos(radians(:lat)) * cos(radians(n.latitude)) * power(sin(radians(n.longitude - :lon) / 2), 2)
                               )) AS distance_km
                        FROM stock_levels s
                        JOIN variants v ON v.id = s.variant_id
                        JOIN nodes n ON n.id = s.node_id
                        WHERE v.merchant_id = :merchant AND v.sku = :sku AND s.on_hand > s.reserved
                          AND (CAST(:kind AS text) IS NULL OR n.kind = :kind)
                        ORDER BY distance_km, n.code
                        """)
                .bind("lat", latitude).bind("lon", longitude).bind("merchant", merchantId).bind("sku", sku)
                .bind("kind", Params.nullable(kind, String.class))
                .map(row -> new NearbyNode(row.get("code", String.class), row.get("kind", String.class), row.get("name", String.class),
                        row.get("city", String.class), Math.round(row.get("distance_km", Double.class) * 10) / 10.0,
                        row.get("available", Integer.class)))
                .all()
                .filter(node -> node.distanceKm() <= radiusKm)
                .collectList();
    }
}
