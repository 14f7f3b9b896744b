package io.stowage.api.orders;

import io.stowage.api.Published;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * Orders a node will ship, as carrier planning needs them: where to, by when, what the shopper chose
 * and which units the node holds for them (the open allocations there). Published for the day plan,
 * which estimates each order's parcel from these units before anything is packed.
 */
@Service
@Published
public class OrdersToShip {

    /** Units of one variant the node holds for the order. */
    @Published
    public record Units(UUID variantId, int quantity) {
    }

    /**
     * @param carrierService the shopper's choice ({@code carrier/service}), or null
     * @param promisedOn     the delivery date promised at checkout, or null when none was
     */
    @Published
    public record OrderToShip(UUID orderId, UUID merchantId, OrderStatus status, String serviceLevel, String carrierService,
                              LocalDate promisedOn, String customerName, String addressLine, String city, String postalCode,
                              String country, OffsetDateTime acceptedAt, List<Units> units) {
    }

    private final DatabaseClient db;

    OrdersToShip(DatabaseClient db) {
        this.db = db;
    }

    /** The orders in one of these statuses holding units at the node, oldest first, with those units. */
    public Flux<OrderToShip> atNode(UUID nodeId, Collection<OrderStatus> statuses) {
        return db.sql("""
                        SELECT o.id, o.merchant_id, o.status, o.service_level, o.carrier_code, o.carrier_service_code, o.promised_on,
                               o.customer_name, o.address_line, o.city, o.postal_code, o.country, o.accepted_at,
                               a.variant_id, sum(a.quantity) AS quantity
                        FROM orders o JOIN order_allocations a ON a.order_id = o.id AND a.node_id = :node AND a.released_at IS NULL
                        WHERE o.status = ANY(:statuses)
                        GROUP BY o.id, a.variant_id
                        ORDER BY o.accepted_at, o.id, a.variant_id
                        """)
                .bind("node", nodeId).bind("statuses", statuses.stream().map(OrderStatus::db).toArray(String[]::new))
                .map(row -> {
                    String carrier = row.get("carrier_code", String.class);
                    OrderToShip order = new OrderToShip(row.get("id", UUID.class), row.get("merchant_id", UUID.class),
                            OrderStatus.fromDb(row.get("status", String.class)), row.get("service_level", String.class),
                            carrier == null ? null : carrier + "/" + row.get("carrier_service_code", String.class),
                            row.get("promised_on", LocalDate.class), row.get("customer_name", String.class), row.get("address_line", String.class),
                            row.get("city", String.class), row.get("postal_code", String.class), row.get("country", String.class),
                            row.get("accepted_at", OffsetDateTime.class), List.of());
                    return Map.entry(order, new Units(row.get("variant_id", UUID.class), row.get("quantity", Number.class).intValue()));
                })
                .all()
                .bufferUntilChanged(entry -> entry.getKey().orderId())
                .map(rows -> {
                    OrderToShip first = rows.get(0).getKey();
                    List<Units> units = new ArrayList<>();
                    rows.forEach(entry -> units.add(entry.getValue()));
                    return new OrderToShip(first.orderId(), first.merchantId(), first.status(), first.serviceLevel(), first.carrierService(),
                            first.promisedOn(), first.customerName(), first.addressLine(), first.city(), first.postalCode(), first.country(),
                            first.acceptedAt(), List.copyOf(units));
                });
    }
}
