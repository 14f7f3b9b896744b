package io.stowage.api.orders;

import io.stowage.api.Published;
import io.stowage.api.problem.ApiProblem;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Where and how an order's parcels go, as a carrier label needs it: the recipient, the service asked for, the promise. */
@Service
@Published
public class OrderShipTo {

    /**
     * @param serviceLevel   standard, express, eco, store_pickup or pickup_point
     * @param carrierService the shopper's choice ({@code carrier/service}), or null
     * @param promisedOn     the delivery date promised at checkout, or null
     */
    public record ShipTo(UUID orderId, UUID merchantId, String serviceLevel, String carrierService, LocalDate promisedOn,
                         String name, String email, String phone, String addressLine, String city, String postalCode, String country) {
    }

    private final DatabaseClient db;

    OrderShipTo(DatabaseClient db) {
        this.db = db;
    }

    /** The order's recipient; a 404 problem when the merchant has no such order. */
    public Mono<ShipTo> of(UUID merchantId, UUID orderId) {
        return db.sql("""
                        SELECT id, merchant_id, service_level, carrier_code, carrier_service_code, promised_on, customer_name, customer_email,
                               customer_phone, address_line, city, postal_code, country
                        FROM orders WHERE id = :order AND merchant_id = :merchant
                        """)
                .bind("order", orderId).bind("merchant", merchantId)
                .map(row -> new ShipTo(row.get("id", UUID.class), row.get("merchant_id", UUID.class), row.get("service_level", String.class),
                        row.get("carrier_code", String.class) == null ? null
                                : row.get("carrier_code", String.class) + "/" + row.get("carrier_service_code", String.class),
                        row.get("promised_on", LocalDate.class), row.get("customer_name", String.class), row.get("customer_email", String.class),
                        row.get("customer_phone", String.class), row.get("address_line", String.class), row.get("city", String.class),
                        row.get("postal_code", String.class), row.get("country", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Order", orderId)));
    }
}
