package io.stowage.api.orders;

import io.stowage.api.commands.CommandRetry;
import io.stowage.api.inventory.LotNumbers;
import io.stowage.api.inventory.LotStock;
import io.stowage.api.inventory.Reservations;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.network.Network;
import io.stowage.api.network.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gives back units allocated from a lot the node no longer holds, before a picker walks to the
 * shelf to find out. The ledger keeps a node's total from falling below its reservations, but not a
 * lot's: a count or an adjustment may leave lot A with 2 units while orders hold 5 of it, as long
 * as other lots cover the node's total. This loop finds lots whose available units at a node
 * (every location, the pack station included) are fewer than their open allocations and sends the
 * difference back to waiting, newest allocations first, so that the backorder allocator places it
 * again first-expired-first-out from the lots that have it.
 * <p>
 * Only orders not yet in picking give back: allocated, partially allocated or backordered, and in
 * no open wave. A wave's plan already names the lot and shelf, so its orders are left to the short
 * pick, which re-sources on the floor and keeps the batch consistent.
 * <p>
 * A background pass rather than a step of the adjustment: inventory knows nothing of orders, and
 * lots shrink by several paths (adjustments, counts, status changes, write-offs) that all meet here.
 * Several instances share it: a variant is claimed with {@code pg_try_advisory_xact_lock}; within
 * the claim the node's level is locked first, then the orders, the order every command keeps.
 */
@Component
class LotShortfalls {

    private static final String ACTOR = "system:lot-shortfall";
    /** Lots settled per poll: bounds the work of one pass; the loop repeats while passes find work. */
    private static final int LOTS_PER_POLL = 50;
    /** Orders whose allocations may be given back: allocated, and (checked apart) in no wave that plans or picks them. */
    private static final String MAY_GIVE_BACK = "o.status IN ('allocated', 'partially_allocated', 'backordered')";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Reservations reservations;
    private final OrderFulfilment fulfilment;
    private final OrderTransitions transitions;
    private final Network network;
    private final LotStock lotStock;
    private final LotNumbers lotNumbers;
    private final OrdersInWaves waves;

    LotShortfalls(DatabaseClient db, TransactionalOperator tx, Reservations reservations, OrderFulfilment fulfilment,
                  OrderTransitions transitions, Network network, LotStock lotStock, LotNumbers lotNumbers, OrdersInWaves waves) {
        this.network = network;
        this.lotStock = lotStock;
        this.lotNumbers = lotNumbers;
        this.waves = waves;
        this.db = db;
        this.tx = tx;
        this.reservations = reservations;
        this.fulfilment = fulfilment;
        this.transitions = transitions;
    }

    /** A lot at a node that orders not yet in picking hold more of than the node has. */
    private record Lot(UUID merchantId, UUID variantId, UUID nodeId, UUID lotKey, String lotNumber, String nodeCode) {

        Lot named(String number, String code) {
            return new Lot(merchantId, variantId, nodeId, lotKey, number, code);
        }
    }

    /** An order line that holds units of the lot, with its order's status. */
    private record Line(UUID orderId, int lineNo, OrderStatus status) {
    }

    /** One open allocation of the lot: a row of {@code order_allocations}. */
    private record Held(Line line, int quantity) {
    }

    /** One pass over the lots short of their allocations; returns the units sent back to waiting. */
    Mono<Integer> pass() {
        return held()
                .flatMapMany(held -> Flux.fromIterable(held.keySet().stream().map(LotKey::merchantId).distinct().toList())
                        .concatMap(merchant -> shortLots(merchant, held)))
                .collectList()
                .flatMapMany(this::mayGiveBack)
                .take(LOTS_PER_POLL)
                .collectList()
                .flatMapMany(lots -> network.nodes(lots.stream().map(Lot::nodeId).distinct().toList()).collectMap(Node::id, Node::code)
                        .zipWith(lotNumbers.of(lots.stream().map(Lot::lotKey).toList()))
                        .flatMapMany(names -> Flux.fromIterable(lots)
                                .map(lot -> lot.named(names.getT2().get(lot.lotKey()).lotNumber(), names.getT1().get(lot.nodeId())))))
                .concatMap(lot -> settle(lot)
                        .as(tx::transactional)
                        .retryWhen(CommandRetry.onConflict()))
                .reduce(0, Integer::sum);
    }

    /** A lot of a merchant's variant at a node. */
    private record LotKey(UUID merchantId, UUID variantId, UUID nodeId, UUID lotKey) {
    }

    /** Units the open allocations hold per lot (order_allocations_open): every lot any order was promised from. */
    private Mono<Map<LotKey, Integer>> held() {
        return db.sql("""
                        SELECT merchant_id, variant_id, node_id, lot_key, sum(quantity) AS held FROM order_allocations
                        WHERE released_at IS NULL AND lot_key <> :noLot
                        GROUP BY merchant_id, variant_id, node_id, lot_key
                        """)
                .bind("noLot", StockLedger.NO_LOT)
                .map(row -> Map.entry(new LotKey(row.get("merchant_id", UUID.class), row.get("variant_id", UUID.class),
                        row.get("node_id", UUID.class), row.get("lot_key", UUID.class)), row.get("held", Number.class).intValue()))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** The merchant's lots whose open allocations hold more than the node has of them. */
    private Flux<LotKey> shortLots(UUID merchantId, Map<LotKey, Integer> held) {
        List<LotKey> merchantsLots = held.keySet().stream().filter(lot -> lot.merchantId().equals(merchantId)).toList();
        return lotStock.available(merchantId, merchantsLots.stream().map(LotKey::variantId).collect(Collectors.toSet()),
                        merchantsLots.stream().map(LotKey::nodeId).collect(Collectors.toSet()))
                .collectMap(lot -> new LotKey(merchantId, lot.variantId(), lot.nodeId(), lot.lotKey()), LotStock.LotOnHand::onHand)
                .flatMapIterable(onHand -> merchantsLots.stream().filter(lot -> held.get(lot) > onHand.getOrDefault(lot, 0)).toList());
    }

    /**
     * The short lots that some order not yet in picking holds: a lot short only for orders already in
     * picking is left out, so such lots never crowd out the ones this pass can settle.
     */
    private Flux<Lot> mayGiveBack(List<LotKey> shortLots) {
        if (shortLots.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        SELECT a.variant_id, a.node_id, a.lot_key, a.order_id FROM order_allocations a JOIN orders o ON o.id = a.order_id
                        WHERE a.lot_key = ANY(:lots) AND a.released_at IS NULL AND
                        """ + MAY_GIVE_BACK)
                .bind("lots", shortLots.stream().map(LotKey::lotKey).distinct().toArray(UUID[]::new))
                .map(row -> Map.entry(List.of(row.get("variant_id", UUID.class), row.get("node_id", UUID.class), row.get("lot_key", UUID.class)),
                        row.get("order_id", UUID.class)))
                .all().collectList()
                .flatMapMany(holders -> waves.inOpenWaves(holders.stream().map(Map.Entry::getValue).collect(Collectors.toSet()))
                        .flatMapIterable(inWaves -> {
                            Set<List<UUID>> givable = holders.stream().filter(holder -> !inWaves.contains(holder.getValue()))
                                    .map(Map.Entry::getKey).collect(Collectors.toSet());
                            return shortLots.stream()
                                    .filter(lot -> givable.contains(List.of(lot.variantId(), lot.nodeId(), lot.lotKey())))
                                    .map(lot -> new Lot(lot.merchantId(), lot.variantId(), lot.nodeId(), lot.lotKey(), null, null))
                                    .toList();
                        }));
    }

    private Mono<Integer> settle(Lot lot) {
        return db.sql("SELECT pg_try_advisory_xact_lock(hashtextextended('lot-shortfall:' || CAST(:variant AS text), 0)) AS claimed")
                .bind("variant", lot.variantId())
                .map(row -> Boolean.TRUE.equals(row.get("claimed", Boolean.class))).one()
                .flatMap(claimed -> claimed
                        ? reservations.lock(lot.merchantId(), List.of(lot.variantId()), List.of(lot.nodeId())).then(lockOrders(lot))
                                .then(shortfall(lot))
                                .flatMap(missing -> missing > 0 ? giveBack(lot, missing) : Mono.just(0))
                        : Mono.just(0));
    }

    /**
     * Locks, by id, the orders that hold the lot and may give back; the level is already locked, as the
     * lock order wants. Whether a wave took one is read after the lock, when a wave that won the race
     * has committed.
     */
    private Mono<Void> lockOrders(Lot lot) {
        return db.sql("""
                        SELECT o.id FROM orders o
                        WHERE o.id IN (SELECT a.order_id FROM order_allocations a
                                       WHERE a.variant_id = :variant AND a.node_id = :node AND a.lot_key = :lot AND a.released_at IS NULL)
                          AND o.status IN ('allocated', 'partially_allocated', 'backordered')
                        ORDER BY o.id
                        FOR UPDATE
                        """)
                .bind("variant", lot.variantId()).bind("node", lot.nodeId()).bind("lot", lot.lotKey())
                .fetch().all().then();
    }

    /** Units of the lot its open allocations hold beyond the node's available units, read under the level lock. */
    private Mono<Integer> shortfall(Lot lot) {
        Mono<Integer> held = db.sql("""
                        SELECT coalesce(sum(quantity), 0) AS held FROM order_allocations
                        WHERE variant_id = :variant AND node_id = :node AND lot_key = :lot AND released_at IS NULL
                        """)
                .bind("variant", lot.variantId()).bind("node", lot.nodeId()).bind("lot", lot.lotKey())
                .map(row -> row.get("held", Number.class).intValue())
                .one();
        Mono<Integer> onHand = lotStock.available(lot.merchantId(), List.of(lot.variantId()), List.of(lot.nodeId()))
                .filter(found -> found.lotKey().equals(lot.lotKey()))
                .map(LotStock.LotOnHand::onHand)
                .reduce(0, Integer::sum);
        return held.zipWith(onHand, (promised, has) -> promised - has);
    }

    private Mono<Integer> giveBack(Lot lot, int missing) {
        return db.sql("""
                        SELECT a.order_id, a.line_no, a.quantity, o.status FROM order_allocations a JOIN orders o ON o.id = a.order_id
                        WHERE a.variant_id = :variant AND a.node_id = :node AND a.lot_key = :lot AND a.released_at IS NULL AND
                        """ + MAY_GIVE_BACK + """
                        ORDER BY a.id DESC
                        """)
                .bind("variant", lot.variantId()).bind("node", lot.nodeId()).bind("lot", lot.lotKey())
                .map(row -> new Held(new Line(row.get("order_id", UUID.class), row.get("line_no", Integer.class),
                        OrderStatus.fromDb(row.get("status", String.class))), row.get("quantity", Integer.class)))
                .all().collectList()
                .flatMap(allocations -> waves.inOpenWaves(allocations.stream().map(held -> held.line().orderId()).collect(Collectors.toSet()))
                        .map(inWaves -> allocations.stream().filter(held -> !inWaves.contains(held.line().orderId())).toList()))
                .flatMap(held -> {
                    Map<Line, Integer> perLine = newestFirst(held, missing);
                    Map<UUID, OrderStatus> orders = new LinkedHashMap<>();
                    Map<UUID, Integer> unitsPerOrder = new LinkedHashMap<>();
                    perLine.forEach((line, units) -> {
                        orders.putIfAbsent(line.orderId(), line.status());
                        unitsPerOrder.merge(line.orderId(), units, Integer::sum);
                    });
                    return Flux.fromIterable(perLine.entrySet())
                            .concatMap(line -> fulfilment.returnToWaiting(lot.merchantId(), line.getKey().orderId(), line.getKey().lineNo(),
                                    lot.variantId(), lot.nodeId(), lot.lotKey(), line.getValue()))
                            .thenMany(Flux.fromIterable(orders.entrySet()))
                            .concatMap(order -> restate(lot, order.getKey(), order.getValue(), unitsPerOrder.get(order.getKey())))
                            .then(Mono.just(unitsPerOrder.values().stream().mapToInt(Integer::intValue).sum()));
                });
    }

    /** Units each line gives back, newest allocations first, until the lot's shortfall is covered or nothing more may give. */
    private static Map<Line, Integer> newestFirst(List<Held> held, int missing) {
        Map<Line, Integer> perLine = new LinkedHashMap<>();
        int left = missing;
        for (Held allocation : held) {
            if (left == 0) {
                break;
            }
            int units = Math.min(left, allocation.quantity());
            perLine.merge(allocation.line(), units, Integer::sum);
            left -= units;
        }
        return perLine;
    }

    /** Moves the order to partially allocated or backordered as its lines now stand, and says why in its history. */
    private Mono<Void> restate(Lot lot, UUID orderId, OrderStatus from, int units) {
        String note = units + " units of lot " + lot.lotNumber() + " at " + lot.nodeCode()
                + " wait for stock again: the lot holds fewer units than were allocated from it";
        return db.sql("SELECT sum(quantity) AS units, sum(waiting) AS waiting FROM order_lines WHERE order_id = :order")
                .bind("order", orderId)
                .map(row -> OrderTransitions.afterAllocation(row.get("units", Number.class).intValue(), row.get("waiting", Number.class).intValue()))
                .one()
                .flatMap(to -> to == from
                        ? transitions.remark(lot.merchantId(), orderId, from, ACTOR, note)
                        : transitions.move(lot.merchantId(), orderId, from, to, ACTOR, note));
    }
}
