package io.stowage.api.returns;

import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.orders.ExchangeOrders;
import io.stowage.api.orders.OrderContents;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.api.database.Params;
import io.stowage.api.shipping.ReturnLabels;
import io.stowage.api.shipping.ShippedParcels;
import io.stowage.api.webhooks.EventTypes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuples;

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
    private final ReturnWindows windows;
    private final Variants variants;
    private final ExchangeOrders exchanges;
    private final ReturnLabels labels;
    private final Outbox outbox;
    private final ReturnReads reads;

    ReturnRequests(DatabaseClient db, ReturnPolicies policies, OrderContents orders, ReturnWindows windows, Variants variants,
                   ExchangeOrders exchanges, ReturnLabels labels, Outbox outbox, ReturnReads reads) {
        this.db = db;
        this.policies = policies;
        this.orders = orders;
        this.windows = windows;
        this.variants = variants;
        this.exchanges = exchanges;
        this.labels = labels;
        this.outbox = outbox;
        this.reads = reads;
    }

    /** Opens the return in the caller's transaction; a problem, with nothing written, for anything the policy or the order refuses. */
    Mono<ReturnView> open(UUID merchantId, UUID orderId, List<Item> items, String requestedBy) {
        return orders.of(orderId)
                .filter(contents -> contents.merchantId().equals(merchantId))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Order", orderId)))
                .flatMap(contents -> policies.require(merchantId).flatMap(policy -> windows.open(merchantId, orderId, policy.windowDays())
                        // One return of an order at a time, so two cannot both take the last returnable unit.
                        .flatMap(window -> db.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                                .bind("key", "return-order:" + orderId).then()
                                .then(checkItems(merchantId, contents, policy, items))
                                .flatMap(checked -> write(merchantId, orderId, window.lastParcel(), policy, checked, requestedBy)))));
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
        return Mono.zip(variants.bySkus(merchantId, skus).collectMap(VariantRef::sku), alreadyReturned(merchantId, order.id()), shipped(order))
                .flatMap(found -> {
                    Map<String, VariantRef> bySku = found.getT1();
                    Map<UUID, Integer> returned = new HashMap<>(found.getT2());
                    Map<UUID, Integer> shipped = found.getT3();
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
                        int sent = shipped.getOrDefault(variant.id(), 0);
                        if (item.quantity() > sent) {
                            return Mono.error(ApiProblem.of(ProblemType.MORE_THAN_SHIPPED, field + ": " + sent + " unit(s) of " + item.sku()
                                    + " were shipped, not " + item.quantity()));
                        }
                        int left = sent - returned.getOrDefault(variant.id(), 0);
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

    /**
     * Units of each variant of the order that were shipped. An order shipped before shipped units
     * were counted (V138) counts none: it shipped whole, as orders then could only ship whole.
     */
    Mono<Map<UUID, Integer>> shipped(OrderContents.Contents order) {
        return orders.shippedUnits(order.id()).map(shipped -> {
            if (!shipped.isEmpty()) {
                return shipped;
            }
            Map<UUID, Integer> ordered = new HashMap<>();
            order.lines().forEach(line -> ordered.merge(line.variantId(), line.quantity(), Integer::sum));
            return ordered;
        });
    }

    /** Units of each variant already on returns of the order. */
    Mono<Map<UUID, Integer>> alreadyReturned(UUID merchantId, UUID orderId) {
        return db.sql("""
                        SELECT l.variant_id, sum(l.quantity) AS units FROM return_lines l JOIN returns r ON r.id = l.return_id
                        WHERE r.merchant_id = :merchant AND r.order_id = :order GROUP BY l.variant_id
                        """)
                .bind("merchant", merchantId).bind("order", orderId)
                .map(row -> Map.entry(row.get("variant_id", UUID.class), row.get("units", Number.class).intValue()))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * Places the exchange order, buys the return label from the carrier of the parcel that left last
     * (after the exchange, so a refused exchange buys no label; carriers charge return labels when
     * used, so one bought for a return whose transaction then fails costs nothing), and writes the return.
     */
    private Mono<ReturnView> write(UUID merchantId, UUID orderId, ShippedParcels.ShippedParcel parcel, ReturnPolicies.ReturnPolicy policy,
                                   List<Checked> checked, String requestedBy) {
        List<ExchangeOrders.Wanted> wanted = checked.stream().filter(c -> c.exchange() != null)
                .map(c -> new ExchangeOrders.Wanted(c.exchange().sku(), c.item().quantity())).toList();
        Mono<UUID> exchangeOrder = wanted.isEmpty() ? Mono.empty() : exchanges.place(merchantId, orderId, wanted);
        String rma = newRma();
        return exchangeOrder.map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(exchangeId -> labels.buy(merchantId, parcel.shipmentId(), rma).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .map(label -> Tuples.of(exchangeId, label)))
                .flatMap(both -> {
                    ReturnLabels.BoughtReturnLabel label = both.getT2().orElse(null);
                    return db.sql("""
                                    INSERT INTO returns (merchant_id, rma, order_id, node_id, requested_by, status, exchange_order_id, label_paid_by,
                                                         label_carrier, label_service, label_tracking, label_tracking_url, label_price_minor,
                                                         label_currency, label_pdf, label_png, label_zpl, drop_off_code)
                                    VALUES (:merchant, :rma, :order, :node, :by, 'requested', :exchange, :paidBy, :carrier, :service, :tracking,
                                            :trackingUrl, :price, :currency, :pdf, :png, :zpl, :dropOff)
                                    RETURNING id
                                    """)
                            .bind("merchant", merchantId).bind("rma", rma).bind("order", orderId).bind("node", parcel.nodeId())
                            .bind("by", requestedBy)
                            .bind("exchange", Params.nullable(both.getT1().orElse(null), UUID.class))
                            .bind("paidBy", policy.labelPaidBy())
                            .bind("carrier", Params.nullable(label == null ? null : label.carrier(), String.class))
                            .bind("service", Params.nullable(label == null ? null : label.serviceCode(), String.class))
                            .bind("tracking", Params.nullable(label == null ? null : label.trackingNumber(), String.class))
                            .bind("trackingUrl", Params.nullable(label == null ? null : label.trackingUrl(), String.class))
                            .bind("price", Params.nullable(label == null ? null : label.priceMinor(), Long.class))
                            .bind("currency", Params.nullable(label == null ? null : label.currency(), String.class))
                            .bind("pdf", Params.nullable(label == null ? null : label.pdf(), byte[].class))
                            .bind("png", Params.nullable(label == null ? null : label.png(), byte[].class))
                            .bind("zpl", Params.nullable(label == null ? null : label.zpl(), byte[].class))
                            .bind("dropOff", Params.nullable(label == null ? null : label.dropOffCode(), String.class))
                            .map(row -> row.get("id", UUID.class)).one();
                })
                .flatMap(returnId -> Flux.range(0, checked.size()).concatMap(i -> {
                            Checked c = checked.get(i);
                            return db.sql("""
                                            INSERT INTO return_lines (return_id, line_no, merchant_id, variant_id, sku, quantity, reason, exchange_variant_id, exchange_sku)
                                            VALUES (:return, :line, :merchant, :variant, :sku, :qty, :reason, :exchangeVariant, :exchangeSku)
                                            """)
                                    .bind("return", returnId).bind("line", i + 1).bind("merchant", merchantId).bind("variant", c.variant().id())
                                    .bind("sku", c.variant().sku()).bind("qty", c.item().quantity()).bind("reason", c.item().reason())
                                    .bind("exchangeVariant", Params.nullable(c.exchange() == null ? null : c.exchange().id(), UUID.class))
                                    .bind("exchangeSku", Params.nullable(c.exchange() == null ? null : c.exchange().sku(), String.class))
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
        if (view.label() != null) {
            Map<String, Object> label = new LinkedHashMap<>();
            label.put("carrier", view.label().carrier());
            label.put("service_code", view.label().serviceCode());
            label.put("tracking_number", view.label().trackingNumber());
            label.put("price_minor", view.label().priceMinor());
            label.put("currency", view.label().currency());
            label.put("drop_off", view.label().dropOffCode() != null);
            payload.put("label", label);
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
