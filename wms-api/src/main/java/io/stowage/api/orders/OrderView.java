package io.stowage.api.orders;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * An order as its merchant reads it: status, customer, and per line where it ships from, what is
 * backordered and what is preordered (with the date it is expected); the carrier service the day
 * plan chose for it, once planned.
 */
public record OrderView(UUID id, String status, String serviceLevel, String channel, Customer customer, String pickupStoreCode,
                        LocalDate promisedOn, String carrierService, String giftMessage, String routedFrom, OffsetDateTime acceptedAt,
                        OffsetDateTime updatedAt, List<Line> lines, PlannedCarrierService plannedService) {

    /** An order with no planned carrier service (yet). */
    OrderView(UUID id, String status, String serviceLevel, String channel, Customer customer, String pickupStoreCode,
              LocalDate promisedOn, String carrierService, String giftMessage, String routedFrom, OffsetDateTime acceptedAt,
              OffsetDateTime updatedAt, List<Line> lines) {
        this(id, status, serviceLevel, channel, customer, pickupStoreCode, promisedOn, carrierService, giftMessage, routedFrom, acceptedAt,
                updatedAt, lines, null);
    }

    OrderView withLines(List<Line> withLines) {
        return new OrderView(id, status, serviceLevel, channel, customer, pickupStoreCode, promisedOn, carrierService, giftMessage, routedFrom,
                acceptedAt, updatedAt, List.copyOf(withLines), plannedService);
    }

    OrderView withPickupCode(String code) {
        return new OrderView(id, status, serviceLevel, channel, customer, code, promisedOn, carrierService, giftMessage, routedFrom,
                acceptedAt, updatedAt, lines, plannedService);
    }

    OrderView withPlannedService(PlannedCarrierService planned) {
        return new OrderView(id, status, serviceLevel, channel, customer, pickupStoreCode, promisedOn, carrierService, giftMessage, routedFrom,
                acceptedAt, updatedAt, lines, planned);
    }

    public record Customer(String name, String email, String phone, Address address, String language, @JsonProperty("notify") String notifyVia) {
    }

    public record Address(String line, String city, String postalCode, String country, Double latitude, Double longitude) {
    }

    /** {@code allocated} units are held for it now; {@code shipped} ones have left in cartons (they are no longer held). */
    public record Line(int lineNo, String sku, int quantity, int allocated, int backordered, int preordered, int shipped, LocalDate expectedOn,
                       List<ShipFrom> shipsFrom) {
    }

    /** Units of the line held at a node, from one lot when the variant is lot-tracked. */
    public record ShipFrom(String nodeCode, String nodeKind, int quantity, String lotNumber, LocalDate expiresOn) {

        /** How a line lists where it ships from: by node, then earliest expiry, then lot number. */
        static final Comparator<ShipFrom> LISTED = Comparator.comparing(ShipFrom::nodeCode)
                .thenComparing(ShipFrom::expiresOn, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ShipFrom::lotNumber, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    /** A row of the order list. */
    public record Summary(UUID id, String status, String serviceLevel, String channel, String customerName, int units,
                          int waiting, OffsetDateTime acceptedAt, OffsetDateTime updatedAt) {
    }

    /** One step of the order's history. */
    public record Step(String fromStatus, String toStatus, String actor, String note, OffsetDateTime at) {
    }
}
