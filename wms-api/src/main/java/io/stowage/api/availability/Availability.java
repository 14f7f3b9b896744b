package io.stowage.api.availability;

import io.stowage.api.Published;
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
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * What a merchant's store may sell, per variant and per node: on hand, reserved, available,
 * incoming with its earliest date, a status, and in-stock alternatives for what is out. Read from
 * the sellable levels kept in step with the ledger, in three set-based queries for any batch size.
 */
@Service
@Published
public class Availability {

    public static final int MAX_VARIANTS = 500;

    private final DatabaseClient db;

    public Availability(DatabaseClient db) {
        this.db = db;
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
            UUID[] ids = variants.values().stream().map(VariantRow::id).toArray(UUID[]::new);
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
        return db.sql("SELECT id, sku, low_stock_threshold FROM variants WHERE merchant_id = :merchant AND sku = ANY(:skus)")
                .bind("merchant", merchantId).bind("skus", skus.toArray(String[]::new))
                .map(row -> new VariantRow(row.get("id", UUID.class), row.get("sku", String.class), row.get("low_stock_threshold", Integer.class)))
                .all().collectMap(VariantRow::sku, v -> v, LinkedHashMap::new);
    }

    /** Sellable levels and open ASN quantities per variant and node, merged. */
    private Mono<List<NodeRow>> nodeRows(UUID merchantId, UUID[] variantIds) {
        return db.sql("""
                        WITH levels AS (
                            SELECT variant_id, node_id, on_hand, reserved FROM stock_levels
                            WHERE merchant_id = :merchant AND variant_id = ANY(:ids)
                        ), incoming AS (
                            SELECT l.variant_id, a.node_id,
                                   sum(l.expected_quantity - l.received_quantity) AS incoming,
                                   min(a.expected_on) AS earliest
                            FROM asn_lines l JOIN asns a ON a.id = l.asn_id
                            WHERE a.merchant_id = :merchant AND a.status <> 'closed' AND l.variant_id = ANY(:ids)
                              AND l.received_quantity < l.expected_quantity
                            GROUP BY l.variant_id, a.node_id
                        )
                        SELECT coalesce(s.variant_id, i.variant_id) AS variant_id, n.code, n.kind,
                               coalesce(s.on_hand, 0) AS on_hand, coalesce(s.reserved, 0) AS reserved,
                               coalesce(i.incoming, 0) AS incoming, i.earliest
                        FROM levels s FULL JOIN incoming i ON i.variant_id = s.variant_id AND i.node_id = s.node_id
                        JOIN nodes n ON n.id = coalesce(s.node_id, i.node_id)
                        """)
                .bind("merchant", merchantId).bind("ids", variantIds)
                .map(row -> new NodeRow(row.get("variant_id", UUID.class), row.get("code", String.class), row.get("kind", String.class),
                        row.get("on_hand", Integer.class), row.get("reserved", Integer.class),
                        row.get("incoming", Number.class).intValue(), row.get("earliest", LocalDate.class)))
                .all().collectList();
    }

    /** Merchant-chosen substitutes that can be sold now, in the merchant's order. */
    private Mono<Map<UUID, List<Alternative>>> alternatives(UUID merchantId, UUID[] variantIds) {
        return db.sql("""
                        SELECT a.variant_id, v.sku, v.available_total, v.low_stock_threshold
                        FROM variant_alternatives a JOIN variants v ON v.id = a.alternative_variant_id
                        WHERE a.variant_id = ANY(:ids) AND v.merchant_id = :merchant AND v.available_total > 0
                        ORDER BY a.variant_id, a.rank
                        """)
                .bind("merchant", merchantId).bind("ids", variantIds)
                .map(row -> Map.entry(row.get("variant_id", UUID.class), new Alternative(row.get("sku", String.class),
                        row.get("available_total", Integer.class),
                        StockState.of(row.get("available_total", Integer.class), 0, row.get("low_stock_threshold", Integer.class)))))
                .all()
                .collect(LinkedHashMap::new, (map, entry) -> map.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
    }
}
