package io.stowage.api.trackpage;

import io.stowage.api.tracking.PickupHours;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the public tracking page shows of one parcel, and its JSON for stores that draw their own
 * page. Everything here is public to whoever holds the link, except {@code recipient} and
 * {@code order}, which are present only after the visitor answered with the order's e-mail address
 * or postal code ({@code unlocked}).
 *
 * @param status         {@code label_created}, {@code in_transit}, {@code out_for_delivery}, {@code available_for_pickup},
 *                       {@code delivered}, {@code exception} or {@code returned_to_sender}
 * @param flag           a delay or exception with its reason, or null
 * @param eta            the expected delivery and what it rests on, or null (delivered, or nothing to go on)
 * @param ownEta         Stowage's own estimate beside the carrier's, when {@code eta} is the carrier's; else null
 * @param promisedOn     the delivery date the store promised, or null
 * @param parcel         this parcel's place among the order's parcels
 * @param otherParcels   the order's other parcels, each with its own tracking page
 * @param pickupPoint    where the parcel waits to be collected, or null
 * @param events         what the carrier reported, newest first
 * @param timeZone       the zone {@code events}' local times are given in (the destination's)
 * @param returnUrl      where the customer starts a return, once delivered; else null
 */
public record TrackingPage(Merchant merchant, String status, Flag flag, Eta eta, Eta ownEta, LocalDate promisedOn, Parcel parcel,
                           List<OtherParcel> otherParcels, Carrier carrier, Destination destination, PickupPoint pickupPoint,
                           List<Event> events, String timeZone, String returnUrl, boolean unlocked, Recipient recipient, Order order) {

    public TrackingPage {
        otherParcels = List.copyOf(otherParcels);
        events = List.copyOf(events);
    }

    public record Merchant(String name, String colour) {
    }

    /**
     * @param kind       {@code delayed} or {@code exception}
     * @param reason     tracking's reason in English (an exception's in the carrier's words)
     * @param reasonCode the kind of trouble, one of {@link TroubleReasons#CODES}: what the page says in the visitor's language
     */
    public record Flag(String kind, String reason, String reasonCode) {
    }

    /** @param basis {@code carrier} (the carrier's estimate), {@code lane_history} (deliveries on this lane) or {@code transit_days} */
    public record Eta(LocalDate from, LocalDate to, String basis) {
    }

    /** Parcel {@code number} of {@code of}. */
    public record Parcel(int number, int of) {
    }

    public record OtherParcel(int number, String url) {
    }

    /** @param trackingUrl the carrier's own page for the parcel, or null when it has none */
    public record Carrier(String code, String service, String trackingNumber, String trackingUrl) {
    }

    public record Destination(String city, String country) {
    }

    /**
     * @param address      street, postal code and city on one line, or null when the carrier did not say
     * @param openingHours open always, or each weekday's periods (HH:mm, the point's local time), or null when the carrier did not say
     */
    public record PickupPoint(String name, String address, PickupHours openingHours, LocalDate collectBy) {
    }

    /**
     * @param detail      what happened in the carrier's normalised words ("arrived at sorting hub"), or an empty string
     * @param description the carrier's own text, as it sent it
     */
    public record Event(Instant occurredAt, String status, String detail, String description, String location) {
    }

    public record Recipient(String name, String addressLine, String postalCode, String city, String country) {
    }

    public record Order(String number, List<Line> lines) {

        public Order {
            lines = List.copyOf(lines);
        }
    }

    public record Line(String sku, String name, int quantity) {
    }
}
