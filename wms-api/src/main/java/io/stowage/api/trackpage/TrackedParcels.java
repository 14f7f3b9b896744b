package io.stowage.api.trackpage;

import io.stowage.api.catalog.VariantDescriptions;
import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.merchants.Merchants;
import io.stowage.api.orders.OrderContents;
import io.stowage.api.orders.OrderShipTo;
import io.stowage.api.shipping.ShipmentView;
import io.stowage.api.shipping.Shipments;
import io.stowage.api.tracking.DestinationZones;
import io.stowage.api.tracking.ShipmentTracking;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The parcel a public tracking link names, and what its page shows. Reads only published classes:
 * the token from dispatch, the shipment from shipping, the recipient and the lines from orders, the
 * brand from merchants.
 */
@Service
class TrackedParcels {

    /** The shipment behind a token, and its recipient (used for the privacy question, shown only once answered). */
    record Found(TrackingTokens.TrackingToken token, ShipmentView shipment, OrderShipTo.ShipTo shipTo) {

        UUID orderId() {
            return shipment.orderId();
        }
    }

    private final TrackingTokens tokens;
    private final Shipments shipments;
    private final OrderShipTo shipTo;
    private final OrderContents contents;
    private final VariantDescriptions variants;
    private final Merchants merchants;
    private final ShipmentTracking tracking;

    TrackedParcels(TrackingTokens tokens, Shipments shipments, OrderShipTo shipTo, OrderContents contents, VariantDescriptions variants,
                   Merchants merchants, ShipmentTracking tracking) {
        this.tokens = tokens;
        this.shipments = shipments;
        this.shipTo = shipTo;
        this.contents = contents;
        this.variants = variants;
        this.merchants = merchants;
        this.tracking = tracking;
    }

    /** The parcel the token names; empty for a token never given out and for a label that was voided. */
    Mono<Found> byToken(String token) {
        return tokens.byToken(token)
                .flatMap(found -> shipments.byId(found.merchantId(), found.shipmentId())
                        .filter(shipment -> !ShipmentView.VOIDED.equals(shipment.status()))
                        .flatMap(shipment -> shipTo.of(found.merchantId(), shipment.orderId())
                                .map(recipient -> new Found(found, shipment, recipient))));
    }

    /**
     * Whether the answer is the order's e-mail address (case and surrounding spaces aside) or its
     * postal code (case, spaces and dashes aside, with or without the country's letters in front).
     */
    static boolean answers(OrderShipTo.ShipTo recipient, String answer) {
        if (answer == null || answer.isBlank()) {
            return false;
        }
        String given = answer.trim();
        if (recipient.email() != null && given.contains("@")) {
            return same(given.toLowerCase(Locale.ROOT), recipient.email().trim().toLowerCase(Locale.ROOT));
        }
        if (recipient.postalCode() == null) {
            return false;
        }
        String code = postalCode(recipient.postalCode());
        String country = recipient.country() == null ? "" : recipient.country().toUpperCase(Locale.ROOT);
        String normalised = postalCode(given);
        if (!country.isEmpty() && normalised.startsWith(country) && !code.startsWith(country)) {
            normalised = normalised.substring(country.length());
        }
        return !code.isEmpty() && same(normalised, code);
    }

    private static String postalCode(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]", "");
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** The page of the parcel; {@code recipient} and {@code order} only when {@code unlocked}. */
    Mono<TrackingPage> page(Found found, boolean unlocked) {
        ShipmentView shipment = found.shipment();
        Mono<List<ShipmentView>> parcels = shipments.ofOrder(shipment.orderId())
                .filter(parcel -> !ShipmentView.VOIDED.equals(parcel.status()))
                .collectList();
        Mono<TrackingPage.Merchant> merchant = merchants.branding(shipment.merchantId())
                .map(branding -> new TrackingPage.Merchant(branding.name(), branding.colour()));
        return Mono.zip(parcels, merchant).flatMap(both -> {
            List<ShipmentView> all = both.getT1();
            int number = all.stream().map(ShipmentView::id).toList().indexOf(shipment.id()) + 1;
            Mono<List<TrackingPage.OtherParcel>> others = Flux.fromIterable(all)
                    .index()
                    .filter(indexed -> !indexed.getT2().id().equals(shipment.id()))
                    .concatMap(indexed -> tokens.forShipment(indexed.getT2().id())
                            .map(token -> new TrackingPage.OtherParcel(indexed.getT1().intValue() + 1, "/track/" + token.token())))
                    .collectList();
            Mono<Optional<TrackingPage.Order>> order = (unlocked ? order(found) : Mono.<TrackingPage.Order>empty())
                    .map(Optional::of).defaultIfEmpty(Optional.empty());
            Mono<Optional<ShipmentTracking.Tracking>> tracked = tracking.of(shipment.id()).map(Optional::of).defaultIfEmpty(Optional.empty());
            return Mono.zip(others, order, tracked)
                    .map(parts -> assemble(found, both.getT2(), new TrackingPage.Parcel(number, all.size()), parts.getT1(), unlocked,
                            parts.getT2().orElse(null), parts.getT3().orElse(null)));
        });
    }

    /**
     * The page from what tracking knows of the parcel; before tracking has it (or for a parcel it never
     * tracked), from the shipment alone: labelled, or on its way once shipped.
     */
    private TrackingPage assemble(Found found, TrackingPage.Merchant merchant, TrackingPage.Parcel parcel, List<TrackingPage.OtherParcel> others,
                                  boolean unlocked, TrackingPage.Order order, ShipmentTracking.Tracking tracked) {
        ShipmentView shipment = found.shipment();
        OrderShipTo.ShipTo recipient = found.shipTo();
        ShipmentTracking.Summary summary = tracked == null ? null : tracked.summary();
        String status = summary != null ? summary.status() : ShipmentView.SHIPPED.equals(shipment.status()) ? "in_transit" : "label_created";
        LocalDate promisedOn = summary != null && summary.promisedOn() != null ? summary.promisedOn() : recipient.promisedOn();
        TrackingPage.Eta eta = summary == null ? null : eta(summary.eta());
        // The service's own estimate is shown beside the carrier's; when there is no carrier's, it is the ETA itself.
        TrackingPage.Eta ownEta = eta != null && ShipmentTracking.BASIS_CARRIER.equals(eta.basis()) ? eta(summary.ownEta()) : null;
        TrackingPage.Flag flag = summary == null || summary.flag() == null ? null
                : new TrackingPage.Flag(summary.flag().kind(), summary.flag().reason(), TroubleReasons.of(summary.flag().kind(), status,
                        summary.flag().reason(), promisedOn, eta == null ? null : eta.to()));
        ShipmentTracking.PickupPoint point = summary == null ? null : summary.pickupPoint();
        List<TrackingPage.Event> events = tracked == null ? List.of() : tracked.events().stream()
                .map(event -> new TrackingPage.Event(event.occurredAt(), event.status(), event.detail(), event.description(),
                        event.location() == null || event.location().isBlank() ? null : event.location()))
                .toList();
        String returnUrl = "delivered".equals(status) ? "/track/" + found.token().token() + "/return" : null;
        return new TrackingPage(merchant, status, flag, eta, ownEta, promisedOn, parcel, others,
                new TrackingPage.Carrier(shipment.carrier(), shipment.serviceCode(), shipment.trackingNumber(), shipment.carrierTrackingUrl()),
                new TrackingPage.Destination(recipient.city(), recipient.country()),
                point == null ? null : new TrackingPage.PickupPoint(point.name(), point.address(), point.openingHours(), point.collectBy()),
                events, DestinationZones.of(recipient.country()).getId(), returnUrl, unlocked,
                unlocked ? new TrackingPage.Recipient(recipient.name(), recipient.addressLine(), recipient.postalCode(), recipient.city(),
                        recipient.country()) : null,
                order);
    }

    private static TrackingPage.Eta eta(ShipmentTracking.Eta eta) {
        return eta == null ? null : new TrackingPage.Eta(eta.from(), eta.to(), eta.basis());
    }

    private Mono<TrackingPage.Order> order(Found found) {
        return contents.of(found.orderId()).flatMap(lines -> variants.of(lines.lines().stream().map(OrderContents.Line::variantId).toList())
                .collectMap(VariantDescriptions.Description::id, Function.identity())
                .map(byId -> new TrackingPage.Order(found.shipment().orderNumber(), lines.lines().stream()
                        .map(line -> {
                            VariantDescriptions.Description variant = byId.get(line.variantId());
                            return new TrackingPage.Line(variant == null ? null : variant.sku(), variant == null ? null : variant.name(), line.quantity());
                        }).toList())));
    }
}
