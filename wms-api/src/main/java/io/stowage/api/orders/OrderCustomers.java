package io.stowage.api.orders;

import io.stowage.api.Published;
import io.stowage.api.problem.ApiProblem;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Who an order is for, as work that addresses the customer needs it (the packing slip and its
 * inserts, the notices they are sent): name, language, country, channel, gift message, how they
 * want to be told ({@code notifyVia}: email, sms, both or none) and their phone, and which of the
 * customer's orders this one is. A customer is known by e-mail address (case-insensitive) within the merchant; an
 * order without one belongs to nobody known, so its {@code orderOrdinal} is null.
 */
@Service
@Published
public class OrderCustomers {

    private final DatabaseClient db;

    OrderCustomers(DatabaseClient db) {
        this.db = db;
    }

    /**
     * @param orderOrdinal this order's place among the customer's orders that were not cancelled,
     *                     by acceptance: 1 for a first order; null without an e-mail address
     */
    public record OrderCustomer(UUID orderId, UUID merchantId, OrderStatus status, String channel, String name, String email,
                                String language, String country, String giftMessage, Integer orderOrdinal, String phone, String notifyVia) {
    }

    /** The order's customer; a 404 problem when the merchant has no such order. */
    public Mono<OrderCustomer> of(UUID merchantId, UUID orderId) {
        return find(merchantId, orderId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Order", orderId)));
    }

    /** The order's customer, or empty when the merchant has no such order. */
    public Mono<OrderCustomer> find(UUID merchantId, UUID orderId) {
        return db.sql("""
                        SELECT o.id, o.merchant_id, o.status, o.channel, o.customer_name, o.customer_email, o.customer_language, o.country,
                               o.gift_message, o.customer_phone, o.customer_notify,
                               CASE WHEN o.customer_email IS NULL THEN NULL ELSE (
                                   SELECT count(*) FROM orders earlier
                                   WHERE earlier.merchant_id = o.merchant_id AND lower(earlier.customer_email) = lower(o.customer_email)
                                     AND earlier.status <> 'cancelled' AND (earlier.accepted_at, earlier.id) <= (o.accepted_at, o.id)
                               ) END AS ordinal
                        FROM orders o
                        WHERE o.id = :order AND o.merchant_id = :merchant
                        """)
                .bind("order", orderId).bind("merchant", merchantId)
                .map(row -> {
                    Number ordinal = row.get("ordinal", Number.class);
                    return new OrderCustomer(row.get("id", UUID.class), row.get("merchant_id", UUID.class),
                            OrderStatus.fromDb(row.get("status", String.class)), row.get("channel", String.class),
                            row.get("customer_name", String.class), row.get("customer_email", String.class),
                            row.get("customer_language", String.class), row.get("country", String.class), row.get("gift_message", String.class),
                            ordinal == null ? null : ordinal.intValue(), row.get("customer_phone", String.class),
                            row.get("customer_notify", String.class));
                })
                .one();
    }
}
