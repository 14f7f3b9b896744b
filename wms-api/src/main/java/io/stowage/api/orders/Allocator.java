package io.stowage.api.orders;

import io.stowage.api.inventory.Reservations;
import io.stowage.api.inventory.StockLedger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Places lines of one order on stock: locks the levels of the lines' variants at the candidate
 * nodes, reads what they can ship, lets {@link RoutingPolicy} choose, splits each node's share into
 * lots first-expired-first-out, writes the allocations and reserves the units, all in the caller's
 * transaction. What cannot be placed is left for the caller to record as waiting.
 */
@Service
class Allocator {

    /** Units of a line allocated at a node, from one lot (or {@link StockLedger#NO_LOT}, without number and expiry). */
    record Placed(int lineNo, UUID variantId, UUID nodeId, UUID lotKey, String lotNumber, LocalDate expiresOn, int quantity) {
    }

    /** A line to place: its variant, how many units, and whether that variant is allocated by lot. */
    record Need(int lineNo, UUID variantId, int quantity, boolean byLot) {
    }

    private final DatabaseClient db;
    private final StockSnapshot snapshot;
    private final Reservations reservations;

    Allocator(DatabaseClient db, StockSnapshot snapshot, Reservations reservations) {
        this.db = db;
        this.snapshot = snapshot;
        this.reservations = reservations;
    }

    Mono<List<Placed>> allocate(UUID orderId, UUID merchantId, List<Need> needs, RoutingContext routing) {
        return plan(merchantId, needs, routing)
                .flatMap(placed -> write(orderId, merchantId, placed).then(reserve(merchantId, placed)).thenReturn(placed));
    }

    /**
     * Locks the levels, reads them and decides, writing nothing: the caller writes the allocations
     * (as {@link #allocate} does) and then {@link #reserve}s them, in the same transaction.
     */
    Mono<List<Placed>> plan(UUID merchantId, List<Need> needs, RoutingContext routing) {
        return plan(needs, routing, (variants, byLot, nodes) -> snapshot.lockAndRead(merchantId, variants, byLot, nodes, routing.minRemainingDays()));
    }

    /**
     * Decides on the levels as last committed, locking nothing, for needs none of which is by lot:
     * the caller writes the allocations and then {@link #reserveAsDecided}s them as its last write.
     */
    Mono<List<Placed>> planUnlocked(UUID merchantId, List<Need> needs, RoutingContext routing) {
        if (needs.stream().anyMatch(Need::byLot)) {
            return Mono.error(new IllegalArgumentException("Lots are allocated under the level locks only"));
        }
        return plan(needs, routing, (variants, byLot, nodes) -> snapshot.readUnlocked(merchantId, variants, nodes));
    }

    /** How a plan reads the stock it decides on: the variants, those of them allocated by lot, the candidate nodes. */
    private interface StockRead {
        Mono<StockSnapshot.Snapshot> read(Set<UUID> variants, Set<UUID> byLot, List<UUID> nodes);
    }

    private Mono<List<Placed>> plan(List<Need> needs, RoutingContext routing, StockRead read) {
        if (needs.isEmpty() || routing.candidates().isEmpty()) {
            return Mono.just(List.of());
        }
        Set<UUID> variants = needs.stream().map(Need::variantId).collect(Collectors.toSet());
        Set<UUID> byLot = needs.stream().filter(Need::byLot).map(Need::variantId).collect(Collectors.toSet());
        List<UUID> nodes = routing.candidates().stream().map(RoutingPolicy.Candidate::nodeId).toList();
        return read.read(variants, byLot, nodes)
                .flatMap(stock -> {
                    List<RoutingPolicy.Demand> demand = needs.stream()
                            .map(need -> new RoutingPolicy.Demand(need.lineNo(), need.variantId(), need.quantity())).toList();
                    RoutingPolicy.Plan plan = RoutingPolicy.route(demand, routing.candidates(), stock);
                    Map<Integer, UUID> variantOfLine = needs.stream().collect(Collectors.toMap(Need::lineNo, Need::variantId));
                    List<Placed> placed = new ArrayList<>();
                    for (RoutingPolicy.Assignment assignment : plan.assignments()) {
                        UUID variant = variantOfLine.get(assignment.lineNo());
                        List<FefoLots.LotStock> lots = stock.lots(assignment.nodeId(), variant);
                        if (lots == null) {
                            placed.add(new Placed(assignment.lineNo(), variant, assignment.nodeId(), StockLedger.NO_LOT, null, null, assignment.quantity()));
                        } else {
                            FefoLots.take(lots, assignment.quantity()).forEach(take -> placed.add(
                                    new Placed(assignment.lineNo(), variant, assignment.nodeId(), take.lot().lotKey(), take.lot().lotNumber(),
                                            take.lot().expiresOn(), take.quantity())));
                        }
                    }
                    return Mono.just(placed);
                });
    }

    /** Holds the placed units at their nodes. */
    Mono<Void> reserve(UUID merchantId, List<Placed> placed) {
        return placed.isEmpty() ? Mono.empty() : reservations.reserve(merchantId, holds(placed));
    }

    /**
     * Holds units placed by {@link #planUnlocked} (or by {@link #plan}), taking the level locks now:
     * fails with a retryable conflict when a level no longer has them.
     */
    Mono<Void> reserveAsDecided(UUID merchantId, List<Placed> placed) {
        return placed.isEmpty() ? Mono.empty() : reservations.reserveAsDecided(merchantId, holds(placed));
    }

    /** Every allocation of the order in one statement. */
    private Mono<Void> write(UUID orderId, UUID merchantId, List<Placed> placed) {
        if (placed.isEmpty()) {
            return Mono.empty();
        }
        return db.sql("""
                        INSERT INTO order_allocations (merchant_id, order_id, line_no, variant_id, node_id, lot_key, quantity)
                        SELECT :merchant, :order, p.line_no, p.variant_id, p.node_id, p.lot_key, p.quantity
                        FROM unnest(CAST(:lines AS integer[]), CAST(:variants AS uuid[]), CAST(:nodes AS uuid[]), CAST(:lots AS uuid[]),
                                    CAST(:quantities AS integer[])) AS p(line_no, variant_id, node_id, lot_key, quantity)
                        """)
                .bind("merchant", merchantId).bind("order", orderId)
                .bind("lines", placed.stream().map(Placed::lineNo).toArray(Integer[]::new))
                .bind("variants", placed.stream().map(Placed::variantId).toArray(UUID[]::new))
                .bind("nodes", placed.stream().map(Placed::nodeId).toArray(UUID[]::new))
                .bind("lots", placed.stream().map(Placed::lotKey).toArray(UUID[]::new))
                .bind("quantities", placed.stream().map(Placed::quantity).toArray(Integer[]::new))
                .then();
    }

    private static List<Reservations.Hold> holds(List<Placed> placed) {
        Map<List<UUID>, Integer> perLevel = new HashMap<>();
        placed.forEach(p -> perLevel.merge(List.of(p.variantId(), p.nodeId()), p.quantity(), Integer::sum));
        return perLevel.entrySet().stream()
                .map(e -> new Reservations.Hold(e.getKey().get(0), e.getKey().get(1), e.getValue()))
                .toList();
    }
}
