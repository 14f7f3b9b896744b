package io.stowage.api.orders;

import io.stowage.api.catalog.Variants;
import io.stowage.api.commands.CommandRetry;
import io.stowage.api.inventory.Reservations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gives waiting lines the stock that arrives, first come first served by order acceptance. The
 * ledger knows nothing of orders: this loop polls for variants that have waiting lines and
 * available units again (a receipt, a return restocked, a released reservation), and allocates
 * each such variant in its own transaction. A pass reads one page of the waiting variants, in turn
 * ({@link WaitingVariantsCursor}), and asks inventory which of them have available units.
 * <p>
 * Several service instances share the work without a coordinator: a variant is claimed with a
 * transaction-scoped advisory lock taken with {@code pg_try_advisory_xact_lock}, so an instance
 * skips a variant another is serving, as {@code FOR UPDATE SKIP LOCKED} would. Within the claim it
 * locks the variant's levels, then the waiting orders, the same order as cancel takes them.
 */
@Component
class BackorderAllocator {

    private static final String ACTOR = "system:backorder-allocator";
    /**
     * Waiting variants read per pass, variants served per pass, and lines per variant per transaction:
     * they bound the work of one pass however many variants wait.
     */
    private static final int WAITING_VARIANTS_PER_PASS = 1000;
    private static final int VARIANTS_PER_PASS = 50;
    private static final int LINES_PER_VARIANT = 200;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final OrderRouting routing;
    private final Allocator allocator;
    private final OrderTransitions transitions;
    private final Reservations reservations;
    private final Variants catalog;
    private final WaitingVariantsCursor cursor = new WaitingVariantsCursor(WAITING_VARIANTS_PER_PASS, VARIANTS_PER_PASS);

    BackorderAllocator(DatabaseClient db, TransactionalOperator tx, OrderRouting routing, Allocator allocator, OrderTransitions transitions,
                       Reservations reservations, Variants catalog) {
        this.db = db;
        this.reservations = reservations;
        this.catalog = catalog;
        this.tx = tx;
        this.routing = routing;
        this.allocator = allocator;
        this.transitions = transitions;
    }

    private record Waiting(UUID orderId, int lineNo, int waiting, OrderStatus status, String channel, UUID pickupNodeId,
                           double latitude, double longitude, boolean byLot) {
    }

    /**
     * One pass over the next page of variants that have waiting lines ({@link WaitingVariantsCursor}):
     * those of them with available units are served; returns the units allocated.
     */
    Mono<Integer> pass() {
        return waitingPage()
                .flatMap(page -> reservations.withUnreservedUnits(page.keySet()).collect(Collectors.toSet())
                        .map(stocked -> cursor.turn(List.copyOf(page.keySet()), stocked).stream()
                                .map(variant -> Map.entry(page.get(variant), variant)).toList()))
                .flatMapMany(Flux::fromIterable)
                .concatMap(variant -> serve(variant.getKey(), variant.getValue())
                        .as(tx::transactional)
                        .retryWhen(CommandRetry.onConflict()))
                .reduce(0, Integer::sum);
    }

    /** The page of waiting variants after the cursor, in variant id order, each with its merchant. */
    private Mono<LinkedHashMap<UUID, UUID>> waitingPage() {
        // The nil UUID sorts before every other in PostgreSQL's order: a round starts there.
        UUID after = cursor.after().orElse(new UUID(0, 0));
        return db.sql("""
                        SELECT DISTINCT l.variant_id, l.merchant_id FROM order_lines l
                        JOIN orders o ON o.id = l.order_id
                        WHERE l.waiting > 0 AND o.status IN ('accepted', 'backordered', 'partially_allocated')
                          AND l.variant_id > :after
                        ORDER BY l.variant_id
                        LIMIT :page
                        """)
                .bind("after", after).bind("page", cursor.pageSize())
                .map(row -> Map.entry(row.get("variant_id", UUID.class), row.get("merchant_id", UUID.class)))
                .all()
                .collect(LinkedHashMap::new, (page, variant) -> page.put(variant.getKey(), variant.getValue()));
    }

    private Mono<Integer> serve(UUID merchantId, UUID variantId) {
        return db.sql("SELECT pg_try_advisory_xact_lock(hashtextextended('backorders:' || CAST(:variant AS text), 0)) AS claimed")
                .bind("variant", variantId)
                .map(row -> Boolean.TRUE.equals(row.get("claimed", Boolean.class))).one()
                .flatMap(claimed -> claimed ? waitingLines(merchantId, variantId)
                        .flatMap(lines -> allocateInTurn(merchantId, variantId, lines)) : Mono.just(0));
    }

    private Mono<List<Waiting>> waitingLines(UUID merchantId, UUID variantId) {
        // The levels first, in the shared order, so that intake and cancel never wait on this in a circle.
        return reservations.lockEverywhere(merchantId, variantId)
                .then(catalog.byIds(List.of(variantId)).next().map(variant -> variant.lotTracked() || variant.expiryTracked()).defaultIfEmpty(false))
                .flatMap(byLot -> db.sql("""
                                SELECT l.order_id, l.line_no, l.waiting, o.status, o.channel, o.pickup_node_id, o.route_latitude, o.route_longitude
                                FROM order_lines l JOIN orders o ON o.id = l.order_id
                                WHERE l.merchant_id = :merchant AND l.variant_id = :variant AND l.waiting > 0
                                  AND o.status IN ('accepted', 'backordered', 'partially_allocated')
                                ORDER BY o.accepted_at, o.id, l.line_no
                                LIMIT :limit
                                FOR UPDATE OF o, l
                                """)
                        .bind("merchant", merchantId).bind("variant", variantId).bind("limit", LINES_PER_VARIANT)
                        .map(row -> new Waiting(row.get("order_id", UUID.class), row.get("line_no", Integer.class),
                                row.get("waiting", Integer.class), OrderStatus.fromDb(row.get("status", String.class)),
                                row.get("channel", String.class), row.get("pickup_node_id", UUID.class),
                                row.get("route_latitude", Double.class), row.get("route_longitude", Double.class), byLot))
                        .all().collectList());
    }

    private Mono<Integer> allocateInTurn(UUID merchantId, UUID variantId, List<Waiting> lines) {
        Map<UUID, OrderStatus> touched = new LinkedHashMap<>();
        Map<UUID, Integer> placedUnits = new HashMap<>();
        return Flux.fromIterable(lines)
                .concatMap(line -> routing.context(merchantId, line.channel(), line.pickupNodeId(), line.latitude(), line.longitude())
                        .flatMap(context -> allocator.allocate(line.orderId(), merchantId,
                                List.of(new Allocator.Need(line.lineNo(), variantId, line.waiting(), line.byLot())), context))
                        .flatMap(placed -> {
                            int units = placed.stream().mapToInt(Allocator.Placed::quantity).sum();
                            if (units == 0) {
                                return Mono.just(0);
                            }
                            touched.putIfAbsent(line.orderId(), line.status());
                            placedUnits.merge(line.orderId(), units, Integer::sum);
                            return db.sql("""
                                            UPDATE order_lines SET waiting = waiting - :units,
                                                   expected_on = CASE WHEN waiting - :units = 0 THEN NULL ELSE expected_on END
                                            WHERE order_id = :order AND line_no = :line
                                            """)
                                    .bind("units", units).bind("order", line.orderId()).bind("line", line.lineNo())
                                    .then().thenReturn(units);
                        }))
                .reduce(0, Integer::sum)
                .flatMap(total -> Flux.fromIterable(new ArrayList<>(touched.entrySet()))
                        .concatMap(order -> restate(merchantId, order.getKey(), order.getValue(), placedUnits.get(order.getKey())))
                        .then(Mono.just(total)));
    }

    /** Moves an order that received units to allocated or partially allocated, as its lines now stand. */
    private Mono<Void> restate(UUID merchantId, UUID orderId, OrderStatus from, int units) {
        return db.sql("SELECT sum(quantity) AS units, sum(waiting) AS waiting FROM order_lines WHERE order_id = :order")
                .bind("order", orderId)
                .map(row -> OrderTransitions.afterAllocation(row.get("units", Number.class).intValue(), row.get("waiting", Number.class).intValue()))
                .one()
                .flatMap(to -> to == from ? Mono.empty()
                        : transitions.move(merchantId, orderId, from, to, ACTOR, units + " units arrived for waiting lines"));
    }
}
