package io.stowage.api.returns;

import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.orders.ExchangeOrders;
import io.stowage.api.orders.OrderContents;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.api.shipping.ShippedParcels;
import io.stowage.api.webhooks.EventTypes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Opens returns. A return is checked whole before anything is written: the order shipped and is
 * within the policy's window, each item is a variant of the order that may be returned and is not
 * returned already beyond what was ordered, each reason is one of the policy's, and an exchange is
 * for another variant of the same product, in stock now. Then, in the caller's transaction, the
 * exchange order is placed through intake, the return and its lines are written with a new RMA, and
 * {@code return.requested} goes to the outbox.
 */
@Service
class ReturnRequests {

    /** One item the customer sends back: a SKU of the order, how many, why, and for an exchange the SKU wanted instead. */
    record Item(String sku, int quantity, String reason, String exchangeSku) {
    }

    private static final char[] RMA_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;
    private final ReturnPolicies policies;
    private final OrderContents orders;
    private final ShippedParcels shipped;
    private final Variants variants;
    private final ExchangeOrders exchanges;
    private final Outbox outbox;
    private final ReturnReads reads;
    private final Clock clock;

    ReturnRequests(DatabaseClient db, ReturnPolicies policies, OrderContents orders, ShippedParcels shipped, Variants variants,
                   ExchangeOrders exchanges, Outbox outbox, ReturnReads reads) {
        this.db = db;
        this.policies = policies;
        this.orders = orders;
        this.shipped = shipped;
        this.variants = variants;
        this.exchanges = exchanges;
        this.outbox = outbox;
        this.reads = reads;
        this.clock = Clock.systemUTC();
    }

    /** Opens the return in the caller's transaction; a problem, with nothing written, for anything the policy or the order refuses. */
    Mono<ReturnView> open(UUID merchantId, UUID orderId, List<Item> items, String requestedBy) {
        return orders.of(orderId)
                .filter(contents -> contents.merchantId().equals(merchantId))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Order", orderId)))
                .flatMap(contents -> policies.require(merchantId).flatMap(policy -> shipped.ofOrder(merchantId, orderId).collectList()
                        .flatMap(parcels -> {
                            if (parcels.isEmpty()) {
                                return Mono.error(ApiProblem.of(ProblemType.ORDER_NOT_SHIPPED, "The order has not shipped, so nothing of it can be returned"));
                            }
                            // Delivery is not known here yet: the window runs from the last parcel's shipping (see DECISIONS.md).
                            Instant from = parcels.get(parcels.size() - 1).shippedAt();
                            Instant closes = from.plus(Duration.ofDays(policy.windowDays()));
                            if (clock.instant().isAfter(closes)) {
                                return Mono.error(ApiProblem.of(ProblemType.RETURN_WINDOW_CLOSED, "The return window of " + policy.windowDays()
                                        + " days closed at " + closes));
                            }
                            // One return of an order at a time, so two cannot both take the last returnable unit.
                            return db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                                    .bind("key", "return-order:" + orderId).then()
                                    .then(checkItems(merchantId, contents, policy, items))
                                    .flatMap(checked -> write(merchantId, orderId, parcels.get(parcels.size() - 1).nodeId(), policy, checked,
                                            items, requestedBy));
                        })));
    }

    /** An item resolved: its variant and the exchange variant, if any. */
    private record Checked(Item item, VariantRef variant, VariantRef exchange) {
    }

    private Mono<List<Checked>> checkItems(UUID merchantId, OrderContents.Contents order, ReturnPolicies.ReturnPolicy policy, List<Item> items) {
        List<String> skus = new ArrayList<>();
        for (Item item : items) {
            skus.add(item.sku());
            if (item.exchangeSku() != null) {
                skus.add(item.exchangeSku());
            }
        }
        Map<UUID, Integer> ordered = new HashMap<>();
        order.lines().forEach(line -> ordered.merge(line.variantId(), line.quantity(), Integer::sum));
        return variants.bySkus(merchantId, skus).collectMap(VariantRef::sku)
                .zipWith(alreadyReturned(merchantId, order.id()))
                .flatMap(found -> {
                    Map<String, VariantRef> bySku = found.getT1();
                    Map<UUID, Integer> returned = new HashMap<>(found.getT2());
                    List<Checked> checked = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        Item item = items.get(i);
                        String field = "items[" + i + "]";
                        VariantRef variant = bySku.get(item.sku());
                        if (variant == null || !ordered.containsKey(variant.id())) {
                            return Mono.error(ApiProblem.of(ProblemType.ITEM_NOT_IN_ORDER, field + ": " + item.sku() + " is not in the order"));
                        }
                        if (policy.nonReturnableSkus().contains(item.sku())) {
                            return Mono.error(ApiProblem.of(ProblemType.NOT_RETURNABLE, field + ": " + item.sku() + " cannot be returned under the merchant's policy"));
                        }
                        if (!policy.reasons().contains(item.reason())) {
                            return Mono.error(ApiProblem.invalid(field + ".reason", "must be one of " + policy.reasons()));
                        }
                        int left = ordered.get(variant.id()) - returned.getOrDefault(variant.id(), 0);
                        if (item.quantity() > left) {
                            return Mono.error(ApiProblem.of(ProblemType.ALREADY_RETURNED, field + ": the order has " + Math.max(left, 0) + " unit(s) of "
                                    + item.sku() + " left to return"));
                        }
                        returned.merge(variant.id(), item.quantity(), Integer::sum);
                        VariantRef exchange = null;
                        if (item.exchangeSku() != null) {
                            if (!policy.exchangesAllowed()) {
                                return Mono.error(ApiProblem.of(ProblemType.EXCHANGES_NOT_ALLOWED, "The merchant's policy takes returns for a refund only"));
                            }
                            exchange = bySku.get(item.exchangeSku());
                            if (exchange == null || !exchange.productCode().equals(variant.productCode()) || exchange.id().equals(variant.id())) {
                                return Mono.error(ApiProblem.invalid(field + ".exchange_sku", "must be another size or colour of the same product as " + item.sku()));
                            }
                        }
                        checked.add(new Checked(item, variant, exchange));
                    }
                    return Mono.just(checked);
                });
    }

    /** Units of each variant already on returns of the order. */
    private Mono<Map<UUID, Integer>> alreadyReturned(UUID merchantId, UUID orderId) {
        return db.sql("""
                        SELECT l.variant_id, sum(l.quantity) AS units FROM return_lines l JOIN returns r ON r.id = l.return_id
                        WHERE r.merchant_id = :merchant AND r.order_id = :order GROUP BY l.variant_id
                        """)
                .bind("merchant", merchantId).bind("order", orderId)
                .map(row -> Map.entry(row.get("variant_id", UUID.class), row.get("units", Number.class).intValue()))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private Mono<ReturnView> write(UUID merchantId, UUID orderId, UUID nodeId, ReturnPolicies.ReturnPolicy policy, List<Checked> checked,
                                   List<Item> items, String requestedBy) {
        List<ExchangeOrders.Wanted> wanted = checked.stream().filter(c -> c.exchange() != null)
                .map(c -> new ExchangeOrders.Wanted(c.exchange().sku(), c.item().quantity())).toList();
        Mono<UUID> exchangeOrder = wanted.isEmpty() ? Mono.empty() : exchanges.place(merchantId, orderId, wanted);
        return exchangeOrder.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(exchangeId -> db.sql("""
                                INSERT INTO returns (merchant_id, rma, order_id, node_id, requested_by, status, exchange_order_id, label_paid_by)
                                VALUES (:merchant, :rma, :order, :node, :by, 'requested', :exchange, :paidBy)
                                RETURNING id
                                """)
                        .bind("merchant", merchantId).bind("rma", newRma()).bind("order", orderId).bind("node", nodeId).bind("by", requestedBy)
                        .bind("exchange", io.stowage.api.database.Params.nullable(exchangeId.orElse(null), UUID.class))
                        .bind("paidBy", policy.labelPaidBy())
                        .map(row -> row.get("id", UUID.class)).one())
                .flatMap(returnId -> Flux.range(0, checked.size()).concatMap(i -> {
                            Checked c = checked.get(i);
                            return db.sql("""
                                            INSERT INTO return_lines (return_id, line_no, merchant_id, variant_id, sku, quantity, reason, exchange_variant_id, exchange_sku)
                                            VALUES (:return, :line, :merchant, :variant, :sku, :qty, :reason, :exchangeVariant, :exchangeSku)
                                            """)
                                    .bind("return", returnId).bind("line", i + 1).bind("merchant", merchantId).bind("variant", c.variant().id())
                                    .bind("sku", c.variant().sku()).bind("qty", c.item().quantity()).bind("reason", c.item().reason())
                                    .bind("exchangeVariant", io.stowage.api.database.Params.nullable(c.exchange() == null ? null : c.exchange().id(), UUID.class))
                                    .bind("exchangeSku", io.stowage.api.database.Params.nullable(c.exchange() == null ? null : c.exchange().sku(), String.class))
                                    .then();
                        }).then(reads.get(merchantId, returnId)))
                .flatMap(view -> outbox.append(merchantId, EventTypes.RETURN_REQUESTED, view.id().toString(), requestedPayload(view)).thenReturn(view));
    }

    private static Map<String, Object> requestedPayload(ReturnView view) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("return_id", view.id());
        payload.put("rma", view.rma());
        payload.put("order_id", view.orderId());
        payload.put("requested_by", view.requestedBy());
        payload.put("label_paid_by", view.labelPaidBy());
        if (view.exchangeOrderId() != null) {
            payload.put("exchange_order_id", view.exchangeOrderId());
        }
        payload.put("items", view.lines().stream().map(line -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("sku", line.sku());
            item.put("quantity", line.quantity());
            item.put("reason", line.reason());
            item.put("resolution", line.resolution());
            if (line.exchangeSku() != null) {
                item.put("exchange_sku", line.exchangeSku());
            }
            return item;
        }).toList());
        payload.put("requested_at", view.requestedAt().toInstant().toString());
        return payload;
    }

    /** {@code RMA-} and ten characters that cannot be misread for each other; random, so an RMA tells nothing of how many returns there are. */
    static String newRma() {
        StringBuilder rma = new StringBuilder("RMA-");
        for (int i = 0; i < 10; i++) {
            rma.append(RMA_ALPHABET[RANDOM.nextInt(RMA_ALPHABET.length)]);
        }
        return rma.toString();
    }
}
