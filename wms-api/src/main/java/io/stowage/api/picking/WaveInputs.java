package io.stowage.api.picking;

import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.inventory.ShelfStock;
import io.stowage.api.network.LocationRef;
import io.stowage.api.network.LocationType;
import io.stowage.api.network.Network;
import io.stowage.api.orders.WaveOrders;
import io.stowage.api.picking.PickSourcing.Demand;
import io.stowage.api.picking.PickSourcing.Face;
import io.stowage.api.picking.PickSourcing.Shelf;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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
    private final ShelfStock shelfStock;
    private final Variants catalog;
    private final WaveOrders orders;

    WaveInputs(DatabaseClient db, Network network, ShelfStock shelfStock, Variants catalog, WaveOrders orders) {
        this.db = db;
        this.orders = orders;
        this.network = network;
        this.shelfStock = shelfStock;
        this.catalog = catalog;
    }

    Mono<Inputs> read(UUID waveId) {
        return settings(waveId).flatMap(settings -> db.sql("SELECT order_id FROM wave_orders WHERE wave_id = :wave AND open")
                .bind("wave", waveId).map(row -> row.get("order_id", UUID.class)).all().collectList()
                .flatMap(waveOrders -> Mono.zip(
                                network.locations(settings.nodeId()).collectList(),
                                network.zoneCodes(settings.nodeId()),
                                demands(waveOrders, settings.nodeId()),
                                orderFacts(waveOrders))
                        .flatMap(parts -> {
                            List<UUID> variants = parts.getT3().stream().map(Demand::variantId).distinct().toList();
                            Floor floor = new Floor(parts.getT1(), parts.getT2());
                            return Mono.zip(shelves(waveId, settings.nodeId(), variants, floor), sizes(variants))
                                    .map(stock -> new Inputs(settings, parts.getT1(), parts.getT3(), stock.getT1(), faces(floor, variants),
                                            parts.getT4(), stock.getT2(), waveOrders));
                        })));
    }

    private Mono<Settings> settings(UUID waveId) {
        return db.sql("SELECT node_id, zone_code, cart_totes, tote_volume_cm3, max_weight_g, time_limit_seconds FROM waves WHERE id = :wave")
                .bind("wave", waveId)
                .map(row -> new Settings(row.get("node_id", UUID.class), row.get("zone_code", String.class), row.get("cart_totes", Integer.class),
                        row.get("tote_volume_cm3", Long.class), row.get("max_weight_g", Long.class), row.get("time_limit_seconds", Integer.class)))
                .one();
    }

    /**
     * Units still to pick per line and lot: what the order holds at the node (orders' answer, of the
     * orders still allocated, oldest first) less what earlier waves already picked (a line that went
     * back to wait after a short pick is picked in parts).
     */
    private Mono<List<Demand>> demands(List<UUID> waveOrders, UUID nodeId) {
        if (waveOrders.isEmpty()) {
            return Mono.just(List.of());
        }
        return orders.heldAt(nodeId, waveOrders).collectList().flatMap(held -> db.sql("""
                        SELECT order_id, line_no, lot_key, sum(picked_quantity - lost_quantity) AS quantity FROM pick_tasks
                        WHERE order_id = ANY(:orders) AND node_id = :node AND status IN ('picked', 'short')
                        GROUP BY order_id, line_no, lot_key
                        """)
                .bind("orders", waveOrders.toArray(UUID[]::new)).bind("node", nodeId)
                .map(row -> Map.entry(new Picked(row.get("order_id", UUID.class), row.get("line_no", Integer.class), row.get("lot_key", UUID.class)),
                        row.get("quantity", Number.class).intValue()))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(picked -> held.stream()
                        .map(line -> new Demand(line.orderId(), line.merchantId(), line.lineNo(), line.variantId(), line.lotKey(),
                                line.quantity() - picked.getOrDefault(new Picked(line.orderId(), line.lineNo(), line.lotKey()), 0)))
                        .filter(demand -> demand.quantity() > 0)
                        .toList()));
    }

    private record Picked(UUID orderId, int lineNo, UUID lotKey) {
    }

    /** The node's locations (network's, by code) and the zone each lies in. */
    private record Floor(List<LocationRef> locations, Map<UUID, String> zoneCodes) {

        /** An active location in an aisle, so a route reaches it. */
        static boolean walkable(LocationRef location) {
            return location.active() && location.aisle() != null;
        }
    }

    /** Available units at the node's pick locations, less what open picks of other waves and open replenishments will take. */
    private Mono<List<Shelf>> shelves(UUID waveId, UUID nodeId, List<UUID> variants, Floor floor) {
        if (variants.isEmpty()) {
            return Mono.just(List.of());
        }
        Map<UUID, LocationRef> pickable = floor.locations().stream()
                .filter(location -> Floor.walkable(location) && (location.isPickFace() || LocationType.RESERVE.json().equals(location.type())))
                .collect(Collectors.toMap(LocationRef::id, Function.identity()));
        return shelfStock.availableAtNode(nodeId, variants).flatMap(held -> claimed(waveId, nodeId, variants).map(claimed -> held.stream()
                .filter(units -> pickable.containsKey(units.locationId()))
                .map(units -> {
                    LocationRef location = pickable.get(units.locationId());
                    long free = units.onHand() - claimed.getOrDefault(new Claim(units.locationId(), units.variantId(), units.lotKey()), 0L);
                    return new Shelf(location.id(), location.code(), floor.zoneCodes().get(location.id()), units.variantId(), units.lotKey(),
                            (int) Math.max(0, free));
                })
                .toList()));
    }

    private record Claim(UUID locationId, UUID variantId, UUID lotKey) {
    }

    /** Units of these variants that open picks of other waves will take from the node's locations, and open replenishments carry away. */
    private Mono<Map<Claim, Long>> claimed(UUID waveId, UUID nodeId, List<UUID> variants) {
        return db.sql("""
                        SELECT location_id, variant_id, lot_key, sum(quantity) AS units FROM (
                            SELECT location_id, variant_id, lot_key, quantity FROM pick_tasks
                            WHERE node_id = :node AND variant_id = ANY(:variants) AND status = 'open' AND wave_id <> :wave
                            UNION ALL
                            SELECT from_location_id, variant_id, lot_key, quantity FROM replenishment_tasks
                            WHERE node_id = :node AND variant_id = ANY(:variants) AND status = 'open'
                        ) claims GROUP BY location_id, variant_id, lot_key
                        """)
                .bind("wave", waveId).bind("node", nodeId).bind("variants", variants.toArray(UUID[]::new))
                .map(row -> Map.entry(new Claim(row.get("location_id", UUID.class), row.get("variant_id", UUID.class), row.get("lot_key", UUID.class)),
                        row.get("units", Number.class).longValue()))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Each variant's pick face at the node, among walkable ones; a variant with several takes the first by code. */
    private static Map<UUID, Face> faces(Floor floor, List<UUID> variants) {
        Map<UUID, Face> faces = new HashMap<>();
        Set<UUID> wanted = Set.copyOf(variants);
        // network lists the node's locations by code, so the first face of a variant met is its first by code
        for (LocationRef location : floor.locations()) {
            if (location.isPickFace() && Floor.walkable(location) && location.pickFaceVariantId() != null
                    && wanted.contains(location.pickFaceVariantId())) {
                faces.putIfAbsent(location.pickFaceVariantId(), new Face(location.id(), location.code(), floor.zoneCodes().get(location.id())));
            }
        }
        return faces;
    }

    private Mono<Map<UUID, OrderFacts>> orderFacts(List<UUID> waveOrders) {
        if (waveOrders.isEmpty()) {
            return Mono.just(Map.of());
        }
        return orders.facts(waveOrders)
                .collectMap(WaveOrders.Facts::orderId, facts -> new OrderFacts(facts.acceptedAt(), facts.promisedOn(), facts.serviceLevel()),
                        HashMap::new);
    }

    private Mono<Map<UUID, UnitSize>> sizes(List<UUID> variants) {
        if (variants.isEmpty()) {
            return Mono.just(Map.of());
        }
        return catalog.byIds(variants)
                .collectMap(VariantRef::id, variant -> new UnitSize((long) variant.lengthMm() * variant.widthMm() * variant.heightMm(),
                        variant.weightG()), HashMap::new);
    }
}
