package io.stowage.api.picking;

import io.stowage.api.network.LocationRef;
import io.stowage.api.network.Network;
import io.stowage.api.picking.PickSourcing.Demand;
import io.stowage.api.picking.PickSourcing.Face;
import io.stowage.api.picking.PickSourcing.Shelf;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Everything a plan of one wave is computed from, read in one go before solving. */
@Component
class WaveInputs {

    /** The wave's parameters. */
    record Settings(UUID nodeId, String zoneCode, int cartTotes, long toteVolumeCm3, long maxWeightG, int timeLimitSeconds) {
    }

    /** What batching weighs and orders by. */
    record OrderFacts(OffsetDateTime acceptedAt, LocalDate promisedOn, String serviceLevel) {
    }

    /** Size of one unit of a variant. */
    record UnitSize(long volumeMm3, long weightG) {
    }

    record Inputs(Settings settings, List<LocationRef> locations, List<Demand> demands, List<Shelf> shelves, Map<UUID, Face> faces,
                  Map<UUID, OrderFacts> orders, Map<UUID, UnitSize> sizes, List<UUID> waveOrders) {
    }

    private final DatabaseClient db;
    private final Network network;

    WaveInputs(DatabaseClient db, Network network) {
        this.db = db;
        this.network = network;
    }

    Mono<Inputs> read(UUID waveId) {
        return settings(waveId).flatMap(settings -> Mono.zip(
                        network.locations(settings.nodeId()).collectList(),
                        demands(waveId, settings.nodeId()),
                        orderFacts(waveId),
                        db.sql("SELECT order_id FROM wave_orders WHERE wave_id = :wave AND open").bind("wave", waveId)
                                .map(row -> row.get("order_id", UUID.class)).all().collectList())
                .flatMap(parts -> {
                    List<UUID> variants = parts.getT2().stream().map(Demand::variantId).distinct().toList();
                    return Mono.zip(shelves(waveId, settings.nodeId(), variants), faces(settings.nodeId(), variants), sizes(variants))
                            .map(stock -> new Inputs(settings, parts.getT1(), parts.getT2(), stock.getT1(), stock.getT2(), parts.getT3(),
                                    stock.getT3(), parts.getT4()));
                }));
    }

    private Mono<Settings> settings(UUID waveId) {
        return db.sql("SELECT node_id, zone_code, cart_totes, tote_volume_cm3, max_weight_g, time_limit_seconds FROM waves WHERE id = :wave")
                .bind("wave", waveId)
                .map(row -> new Settings(row.get("node_id", UUID.class), row.get("zone_code", String.class), row.get("cart_totes", Integer.class),
                        row.get("tote_volume_cm3", Long.class), row.get("max_weight_g", Long.class), row.get("time_limit_seconds", Integer.class)))
                .one();
    }

    /**
     * Units still to pick per line and lot: what the order holds at the node less what earlier
     * waves already picked (a line that went back to wait after a short pick is picked in parts).
     * Only orders still allocated count; the oldest order comes first.
     */
    private Mono<List<Demand>> demands(UUID waveId, UUID nodeId) {
        return db.sql("""
                        WITH held AS (
                            SELECT a.merchant_id, a.order_id, a.line_no, a.variant_id, a.lot_key, sum(a.quantity) AS quantity
                            FROM order_allocations a JOIN wave_orders w ON w.order_id = a.order_id AND w.wave_id = :wave AND w.open
                            WHERE a.node_id = :node AND a.released_at IS NULL
                            GROUP BY a.merchant_id, a.order_id, a.line_no, a.variant_id, a.lot_key
                        ), picked AS (
                            SELECT t.order_id, t.line_no, t.lot_key, sum(t.picked_quantity - t.lost_quantity) AS quantity
                            FROM pick_tasks t JOIN wave_orders w ON w.order_id = t.order_id AND w.wave_id = :wave
                            WHERE t.node_id = :node AND t.status IN ('picked', 'short')
                            GROUP BY t.order_id, t.line_no, t.lot_key
                        )
                        SELECT h.merchant_id, h.order_id, h.line_no, h.variant_id, h.lot_key, h.quantity - coalesce(p.quantity, 0) AS to_pick
                        FROM held h JOIN orders o ON o.id = h.order_id
                        LEFT JOIN picked p ON p.order_id = h.order_id AND p.line_no = h.line_no AND p.lot_key = h.lot_key
                        WHERE o.status = 'allocated' AND h.quantity - coalesce(p.quantity, 0) > 0
                        ORDER BY o.accepted_at, o.id, h.line_no, h.lot_key
                        """)
                .bind("wave", waveId).bind("node", nodeId)
                .map(row -> new Demand(row.get("order_id", UUID.class), row.get("merchant_id", UUID.class), row.get("line_no", Integer.class),
                        row.get("variant_id", UUID.class), row.get("lot_key", UUID.class), row.get("to_pick", Number.class).intValue()))
                .all().collectList();
    }

    /** Available units at the node's pick locations, less what open picks of other waves and open replenishments will take. */
    private Mono<List<Shelf>> shelves(UUID waveId, UUID nodeId, List<UUID> variants) {
        if (variants.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("""
                        SELECT b.location_id, l.code, z.code AS zone_code, b.variant_id, b.lot_key,
                               b.on_hand
                               - coalesce((SELECT sum(t.quantity) FROM pick_tasks t
                                           WHERE t.location_id = b.location_id AND t.variant_id = b.variant_id AND t.lot_key = b.lot_key
                                             AND t.status = 'open' AND t.wave_id <> :wave), 0)
                               - coalesce((SELECT sum(r.quantity) FROM replenishment_tasks r
                                           WHERE r.from_location_id = b.location_id AND r.variant_id = b.variant_id AND r.lot_key = b.lot_key
                                             AND r.status = 'open'), 0) AS free
                        FROM stock_balances b JOIN locations l ON l.id = b.location_id LEFT JOIN zones z ON z.id = l.zone_id
                        WHERE b.node_id = :node AND b.status = 'available' AND b.on_hand > 0 AND b.variant_id = ANY(:variants)
                          AND l.active AND l.aisle IS NOT NULL AND l.type IN ('pick_face', 'reserve')
                        """)
                .bind("wave", waveId).bind("node", nodeId).bind("variants", variants.toArray(UUID[]::new))
                .map(row -> new Shelf(row.get("location_id", UUID.class), row.get("code", String.class), row.get("zone_code", String.class),
                        row.get("variant_id", UUID.class), row.get("lot_key", UUID.class), Math.max(0, row.get("free", Number.class).intValue())))
                .all().collectList();
    }

    /** Each variant's pick face at the node; a variant with several takes the first by code. */
    private Mono<Map<UUID, Face>> faces(UUID nodeId, List<UUID> variants) {
        if (variants.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        SELECT DISTINCT ON (l.pick_face_variant_id) l.pick_face_variant_id, l.id, l.code, z.code AS zone_code
                        FROM locations l LEFT JOIN zones z ON z.id = l.zone_id
                        WHERE l.node_id = :node AND l.active AND l.type = 'pick_face' AND l.aisle IS NOT NULL
                          AND l.pick_face_variant_id = ANY(:variants)
                        ORDER BY l.pick_face_variant_id, l.code COLLATE "C"
                        """)
                .bind("node", nodeId).bind("variants", variants.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("pick_face_variant_id", UUID.class),
                        new Face(row.get("id", UUID.class), row.get("code", String.class), row.get("zone_code", String.class))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    private Mono<Map<UUID, OrderFacts>> orderFacts(UUID waveId) {
        return db.sql("""
                        SELECT o.id, o.accepted_at, o.promised_on, o.service_level FROM orders o
                        JOIN wave_orders w ON w.order_id = o.id AND w.wave_id = :wave AND w.open
                        """)
                .bind("wave", waveId)
                .map(row -> Map.entry(row.get("id", UUID.class), new OrderFacts(row.get("accepted_at", OffsetDateTime.class),
                        row.get("promised_on", LocalDate.class), row.get("service_level", String.class))))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    private Mono<Map<UUID, UnitSize>> sizes(List<UUID> variants) {
        if (variants.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT id, CAST(length_mm AS bigint) * width_mm * height_mm AS volume_mm3, weight_g FROM variants WHERE id = ANY(:variants)")
                .bind("variants", variants.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("id", UUID.class),
                        new UnitSize(row.get("volume_mm3", Number.class).longValue(), row.get("weight_g", Number.class).longValue())))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }
}
