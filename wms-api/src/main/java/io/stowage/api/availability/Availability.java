package io.stowage.api.availability;

import io.stowage.api.Published;
import io.stowage.api.catalog.Variants;
import io.stowage.api.network.Network;
import io.stowage.api.network.Node;
import io.stowage.api.problem.ApiProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What a merchant's store may sell, per variant and per node: on hand, reserved, available,
 * incoming with its earliest date, a status, and in-stock alternatives for what is out. Read from
 * the sellable levels kept in step with the ledger (inventory's), the open notices (inbound's), the
 * catalog and the network, one set-based query each for any batch size.
 */
@Service
@Published
public class Availability {

    public static final int MAX_VARIANTS = 500;

    private final Variants catalog;
    private final Network network;
    private final SellableLevels levels;
    private final IncomingUnits incomingUnits;

    public Availability(Variants catalog, Network network, SellableLevels levels, IncomingUnits incomingUnits) {
        this.catalog = catalog;
        this.network = network;
        this.levels = levels;
        this.incomingUnits = incomingUnits;
    }

    public record NodeAvailability(String nodeCode, String kind, int onHand, int reserved, int available, int incoming,
                                   LocalDate incomingEarliestOn, StockState status) {
    }

    public record Alternative(String sku, int available, StockState status) {
    }

    public record VariantAvailability(String sku, StockState status, Integer lowStockCount, int onHand, int reserved, int available,
                                      int incoming, LocalDate incomingEarliestOn, List<NodeAvailability> nodes,
                                      List<Alternative> alternatives) {
    }

    private record VariantRow(UUID id, String sku, int threshold) {
    }

    private record NodeRow(UUID variantId, String nodeCode, String kind, int onHand, int reserved, int incoming, LocalDate earliest) {
    }

    public Mono<List<VariantAvailability>> forSkus(UUID merchantId, List<String> skus) {
        Set<String> wanted = new LinkedHashSet<>(skus);
        if (wanted.isEmpty() || wanted.size() > MAX_VARIANTS) {
            return Mono.error(ApiProblem.invalid("skus", "ask for 1 to " + MAX_VARIANTS + " SKUs at once"));
        }
        return variants(merchantId, wanted).flatMap(variants -> {
            List<String> unknown = wanted.stream().filter(sku -> !variants.containsKey(sku)).toList();
            if (!unknown.isEmpty()) {
                return Mono.error(ApiProblem.invalid("skus", "unknown SKUs: " + String.join(", ", unknown)));
            }
            List<UUID> ids = variants.values().stream().map(VariantRow::id).toList();
            return nodeRows(merchantId, ids).zipWith(alternatives(merchantId, ids)).map(found -> {
                Map<UUID, List<NodeRow>> byVariant = new HashMap<>();
                found.getT1().forEach(row -> byVariant.computeIfAbsent(row.variantId(), id -> new ArrayList<>()).add(row));
                List<VariantAvailability> answer = new ArrayList<>();
                for (String sku : wanted) {
                    VariantRow variant = variants.get(sku);
                    answer.add(summarise(variant, byVariant.getOrDefault(variant.id(), List.of()),
                            found.getT2().getOrDefault(variant.id(), List.of())));
                }
                return answer;
            });
        });
    }

    private static VariantAvailability summarise(VariantRow variant, List<NodeRow> rows, List<Alternative> alternatives) {
        int onHand = 0;
        int reserved = 0;
        int incoming = 0;
        LocalDate earliest = null;
        List<NodeAvailability> nodes = new ArrayList<>();
        for (NodeRow row : rows) {
            int available = row.onHand() - row.reserved();
            onHand += row.onHand();
            reserved += row.reserved();
            incoming += row.incoming();
            if (row.earliest() != null && (earliest == null || row.earliest().isBefore(earliest))) {
                earliest = row.earliest();
            }
            nodes.add(new NodeAvailability(row.nodeCode(), row.kind(), row.onHand(), row.reserved(), available, row.incoming(),
                    row.earliest(), StockState.of(available, row.incoming(), variant.threshold())));
        }
        nodes.sort(Comparator.comparing(NodeAvailability::nodeCode));
        int available = onHand - reserved;
        StockState status = StockState.of(available, incoming, variant.threshold());
        List<Alternative> offered = status == StockState.IN_STOCK || status == StockState.LOW_STOCK ? List.of() : alternatives;
        return new VariantAvailability(variant.sku(), status, status == StockState.LOW_STOCK ? available : null, onHand, reserved,
                available, incoming, earliest, nodes, offered);
    }

    private Mono<Map<String, VariantRow>> variants(UUID merchantId, Set<String> skus) {
        return catalog.bySkus(merchantId, skus)
                .map(variant -> new VariantRow(variant.id(), variant.sku(), variant.lowStockThreshold()))
                .collectMap(VariantRow::sku, v -> v, LinkedHashMap::new);
    }

    private record Place(UUID variantId, UUID nodeId) {
    }

    /** Sellable levels (inventory's) and units on open notices (inbound's) per variant and node, merged, with the nodes' codes. */
    private Mono<List<NodeRow>> nodeRows(UUID merchantId, List<UUID> variantIds) {
        return levels.of(merchantId, variantIds).collectMap(level -> new Place(level.variantId(), level.nodeId()))
                .flatMap(sellable -> incomingUnits.of(merchantId, variantIds).collectMap(units -> new Place(units.variantId(), units.nodeId()))
                        .flatMap(incoming -> {
                            Set<Place> places = new LinkedHashSet<>(sellable.keySet());
                            places.addAll(incoming.keySet());
                            return network.nodes(places.stream().map(Place::nodeId).collect(Collectors.toSet()))
                                    .collectMap(Node::id)
                                    .map(nodes -> places.stream().filter(place -> nodes.containsKey(place.nodeId())).map(place -> {
                                        SellableLevels.Level level = sellable.get(place);
                                        IncomingUnits.Incoming expected = incoming.get(place);
                                        Node node = nodes.get(place.nodeId());
                                        return new NodeRow(place.variantId(), node.code(), node.kind(),
                                                level == null ? 0 : level.onHand(), level == null ? 0 : level.reserved(),
                                                expected == null ? 0 : expected.units(), expected == null ? null : expected.earliestOn());
                                    }).toList());
                        }));
    }

    /**
     * Merchant-chosen substitutes that can be sold now, in the merchant's order: the catalog names
     * them, inventory counts their units (one query each).
     */
    private Mono<Map<UUID, List<Alternative>>> alternatives(UUID merchantId, List<UUID> variantIds) {
        return catalog.alternatives(merchantId, variantIds).collectList().flatMap(chosen -> chosen.isEmpty()
                ? Mono.just(Map.<UUID, List<Alternative>>of())
                : levels.totals(merchantId, chosen.stream().map(Variants.Alternative::variantId).collect(Collectors.toSet()))
                        .collectMap(SellableLevels.Total::variantId, SellableLevels.Total::available)
                        .map(available -> {
                            Map<UUID, List<Alternative>> offered = new LinkedHashMap<>();
                            for (Variants.Alternative alternative : chosen) {
                                int units = available.getOrDefault(alternative.variantId(), 0);
                                if (units > 0) {
                                    offered.computeIfAbsent(alternative.forVariantId(), id -> new ArrayList<>())
                                            .add(new Alternative(alternative.sku(), units, StockState.of(units, 0, alternative.lowStockThreshold())));
                                }
                            }
                            return offered;
                        }));
    }
}
