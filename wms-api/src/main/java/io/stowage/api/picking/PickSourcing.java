package io.stowage.api.picking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Decides where each unit of a wave is picked. Allocations hold units at the node; this chooses the
 * shelves, so that pickers walk to as few places as possible and pick faces are used first:
 * <ul>
 *   <li>a variant with a pick face at the node is picked there, for as many units as the face and
 *       the node's other pick locations hold together: what the face lacks is brought from reserve
 *       by a replenishment task when the wave is released;</li>
 *   <li>a variant without a face is picked from the locations holding it, the fullest first, split
 *       over several only when one holds too little;</li>
 *   <li>lot-tracked lines are picked from the allocated lot only.</li>
 * </ul>
 * An order is planned whole or not at all: one that cannot be sourced completely (units still on a
 * dock, or picks outside the wave's zone) is skipped with the reason, and consumes nothing.
 */
final class PickSourcing {

    private PickSourcing() {
    }

    /** Units of an order line, at one lot, still to pick at the node. */
    record Demand(UUID orderId, UUID merchantId, int lineNo, UUID variantId, UUID lotKey, int quantity) {
    }

    /** Units of a variant and lot at a pick location that no open pick task has claimed yet. */
    record Shelf(UUID locationId, String code, String zoneCode, UUID variantId, UUID lotKey, int free) {
    }

    /** The pick face dedicated to a variant at the node. */
    record Face(UUID locationId, String code, String zoneCode) {
    }

    /** Where some units of a demand are picked. */
    record Pick(Demand demand, UUID locationId, String code, int quantity) {
    }

    record Result(Map<UUID, List<Pick>> picksByOrder, Map<UUID, String> skipped) {
    }

    /**
     * @param demands   in the order orders should be served (oldest first), grouped by order
     * @param zoneCode  when set, orders with any pick outside this zone are skipped
     */
    static Result source(List<Demand> demands, List<Shelf> shelves, Map<UUID, Face> faceByVariant, String zoneCode) {
        Map<StockKey, List<Shelf>> shelvesByStock = new HashMap<>();
        Map<ShelfKey, Integer> free = new HashMap<>();
        for (Shelf shelf : shelves) {
            shelvesByStock.computeIfAbsent(new StockKey(shelf.variantId(), shelf.lotKey()), key -> new ArrayList<>()).add(shelf);
            free.merge(new ShelfKey(shelf.locationId(), shelf.variantId(), shelf.lotKey()), shelf.free(), Integer::sum);
        }
        shelvesByStock.values().forEach(list -> list.sort(Comparator.comparingInt(Shelf::free).reversed().thenComparing(Shelf::code)));
        Map<UUID, String> zoneOf = new HashMap<>();
        shelves.forEach(shelf -> zoneOf.put(shelf.locationId(), shelf.zoneCode()));
        faceByVariant.values().forEach(face -> zoneOf.put(face.locationId(), face.zoneCode()));

        Map<UUID, List<Demand>> byOrder = new LinkedHashMap<>();
        demands.forEach(demand -> byOrder.computeIfAbsent(demand.orderId(), id -> new ArrayList<>()).add(demand));
        Map<UUID, List<Pick>> picksByOrder = new LinkedHashMap<>();
        Map<UUID, String> skipped = new LinkedHashMap<>();
        for (Map.Entry<UUID, List<Demand>> order : byOrder.entrySet()) {
            Map<ShelfKey, Integer> tentative = new HashMap<>(free);
            List<Pick> picks = new ArrayList<>();
            String problem = null;
            for (Demand demand : order.getValue()) {
                List<Shelf> holding = shelvesByStock.getOrDefault(new StockKey(demand.variantId(), demand.lotKey()), List.of());
                int missing = place(demand, holding, faceByVariant.get(demand.variantId()), tentative, picks);
                if (missing > 0) {
                    problem = missing + " units of line " + demand.lineNo() + " are not on a pick location of the node";
                    break;
                }
            }
            if (problem == null && zoneCode != null) {
                problem = picks.stream().filter(pick -> !zoneCode.equals(zoneOf.get(pick.locationId()))).findFirst()
                        .map(pick -> "picks at " + pick.code() + " outside zone " + zoneCode).orElse(null);
            }
            if (problem == null) {
                free.clear();
                free.putAll(tentative);
                picksByOrder.put(order.getKey(), picks);
            } else {
                skipped.put(order.getKey(), problem);
            }
        }
        return new Result(picksByOrder, skipped);
    }

    /** Adds the picks of one demand; returns the units that found no shelf. */
    private static int place(Demand demand, List<Shelf> holding, Face face, Map<ShelfKey, Integer> free, List<Pick> picks) {
        int left = demand.quantity();
        if (face != null) {
            // The face's own units first, then units elsewhere that replenishment will bring to it.
            ShelfKey atFace = new ShelfKey(face.locationId(), demand.variantId(), demand.lotKey());
            int fromFace = take(free, atFace, left);
            left -= fromFace;
            int replenished = 0;
            for (Shelf shelf : holding) {
                if (left == 0) {
                    break;
                }
                if (!shelf.locationId().equals(face.locationId())) {
                    int taken = take(free, new ShelfKey(shelf.locationId(), shelf.variantId(), shelf.lotKey()), left);
                    replenished += taken;
                    left -= taken;
                }
            }
            if (fromFace + replenished > 0) {
                picks.add(new Pick(demand, face.locationId(), face.code(), fromFace + replenished));
            }
            return left;
        }
        for (Shelf shelf : holding) {
            if (left == 0) {
                break;
            }
            int taken = take(free, new ShelfKey(shelf.locationId(), shelf.variantId(), shelf.lotKey()), left);
            if (taken > 0) {
                picks.add(new Pick(demand, shelf.locationId(), shelf.code(), taken));
                left -= taken;
            }
        }
        return left;
    }

    private static int take(Map<ShelfKey, Integer> free, ShelfKey key, int wanted) {
        int available = free.getOrDefault(key, 0);
        int taken = Math.min(available, wanted);
        if (taken > 0) {
            free.put(key, available - taken);
        }
        return taken;
    }

    private record StockKey(UUID variantId, UUID lotKey) {
        StockKey {
            Objects.requireNonNull(lotKey);
        }
    }

    private record ShelfKey(UUID locationId, UUID variantId, UUID lotKey) {
    }
}
