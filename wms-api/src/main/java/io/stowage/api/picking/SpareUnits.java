package io.stowage.api.picking;

import io.stowage.api.inventory.ShelfStock;
import io.stowage.api.network.LocationRef;
import io.stowage.api.network.Network;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Units of a variant and lot on a node's shelves that no open pick or replenishment task has claimed
 * yet, where a short pick or a pick face's top-up can take more from. Inventory says what the shelves
 * hold, network what each shelf is, and picking's own tasks what is already claimed; the three are
 * read one after the other (they may share the caller's transaction's connection) and joined here.
 */
@Component
class SpareUnits {

    private final DatabaseClient db;
    private final ShelfStock shelves;
    private final Network network;

    SpareUnits(DatabaseClient db, ShelfStock shelves, Network network) {
        this.db = db;
        this.shelves = shelves;
        this.network = network;
    }

    /** The free units on the node's locations that {@code eligible} accepts, the most first, then by location code. */
    Mono<List<FreeUnits>> of(UUID merchantId, UUID nodeId, UUID variantId, UUID lotKey, Predicate<LocationRef> eligible) {
        return shelves.availableOf(merchantId, nodeId, variantId, lotKey).flatMap(held -> held.isEmpty() ? Mono.just(List.of())
                : network.locationsByIds(held.stream().map(ShelfStock.AtLocation::locationId).toList())
                        .filter(eligible).collectMap(LocationRef::id, Function.identity())
                        .flatMap(locations -> locations.isEmpty() ? Mono.just(List.of())
                                : claimed(locations.keySet(), variantId, lotKey).map(claimed -> held.stream()
                                        .filter(units -> locations.containsKey(units.locationId()))
                                        .map(units -> new Spare(locations.get(units.locationId()),
                                                units.onHand() - claimed.getOrDefault(units.locationId(), 0L)))
                                        .sorted(Comparator.comparingLong(Spare::free).reversed()
                                                .thenComparing(spare -> spare.location().code()))
                                        .map(spare -> new FreeUnits(spare.location().id(), (int) Math.max(0, spare.free())))
                                        .toList())));
    }

    private record Spare(LocationRef location, long free) {
    }

    /** Units of the variant and lot that open pick tasks will take from these locations and open replenishments carry away. */
    private Mono<Map<UUID, Long>> claimed(Collection<UUID> locationIds, UUID variantId, UUID lotKey) {
        return db.sql("""
                        SELECT location_id, sum(quantity) AS units FROM (
                            SELECT location_id, quantity FROM pick_tasks
                            WHERE location_id = ANY(:locations) AND variant_id = :variant AND lot_key = :lot AND status = 'open'
                            UNION ALL
                            SELECT from_location_id, quantity FROM replenishment_tasks
                            WHERE from_location_id = ANY(:locations) AND variant_id = :variant AND lot_key = :lot AND status = 'open'
                        ) claims GROUP BY location_id
                        """)
                .bind("locations", locationIds.toArray(UUID[]::new)).bind("variant", variantId).bind("lot", lotKey)
                .map(row -> Map.entry(row.get("location_id", UUID.class), row.get("units", Number.class).longValue()))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
