package io.stowage.api.returns;

import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.api.shipping.ShippedParcels;
import io.stowage.api.tracking.ShipmentTracking;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * When an order's return window runs: the policy's days from the moment the order reached the
 * customer. That is the last parcel's delivery once the carrier reported it; before (a parcel still
 * on its way, a carrier without tracking) the last parcel's shipping, which is earlier: the customer
 * then has a little less time than the policy says, never more.
 */
@Service
class ReturnWindows {

    static final String FROM_DELIVERY = "delivered";
    static final String FROM_SHIPPING = "shipped";

    /**
     * @param lastParcel the parcel that left last: the return goes back to its node, on its carrier
     * @param basis      {@link #FROM_DELIVERY} or {@link #FROM_SHIPPING}
     */
    record Window(ShippedParcels.ShippedParcel lastParcel, Instant from, String basis, Instant closes) {

        boolean openAt(Instant now) {
            return !now.isAfter(closes);
        }
    }

    private final ShippedParcels shipped;
    private final ShipmentTracking tracking;
    private final Clock clock;

    ReturnWindows(ShippedParcels shipped, ShipmentTracking tracking) {
        this.shipped = shipped;
        this.tracking = tracking;
        this.clock = Clock.systemUTC();
    }

    Instant now() {
        return clock.instant();
    }

    /** The order's window; a 409 {@code order-not-shipped} problem while nothing of it has left. */
    Mono<Window> of(UUID merchantId, UUID orderId, int windowDays) {
        return shipped.ofOrder(merchantId, orderId).collectList().flatMap(parcels -> {
            if (parcels.isEmpty()) {
                return Mono.error(ApiProblem.of(ProblemType.ORDER_NOT_SHIPPED, "The order has not shipped, so nothing of it can be returned"));
            }
            ShippedParcels.ShippedParcel last = parcels.get(parcels.size() - 1);
            return tracking.ofOrder(orderId).filter(summary -> summary.merchantId().equals(merchantId) && summary.deliveredAt() != null)
                    .collectMap(ShipmentTracking.Summary::shipmentId, ShipmentTracking.Summary::deliveredAt)
                    .map(delivered -> window(last, parcels, delivered, windowDays));
        });
    }

    /** The order's open window; a 409 {@code return-window-closed} problem once it has closed. */
    Mono<Window> open(UUID merchantId, UUID orderId, int windowDays) {
        return of(merchantId, orderId, windowDays).flatMap(window -> window.openAt(now()) ? Mono.just(window)
                : Mono.error(ApiProblem.of(ProblemType.RETURN_WINDOW_CLOSED, "The return window of " + windowDays + " days from "
                        + (FROM_DELIVERY.equals(window.basis()) ? "delivery" : "shipping") + " closed at " + window.closes())));
    }

    /** From the last delivery once every parcel is delivered; else from the last parcel's shipping. */
    private static Window window(ShippedParcels.ShippedParcel last, List<ShippedParcels.ShippedParcel> parcels, Map<UUID, Instant> delivered,
                                 int windowDays) {
        boolean allDelivered = parcels.stream().allMatch(parcel -> delivered.containsKey(parcel.shipmentId()));
        Instant from = allDelivered ? parcels.stream().map(parcel -> delivered.get(parcel.shipmentId())).max(Instant::compareTo).orElseThrow()
                : last.shippedAt();
        return new Window(last, from, allDelivered ? FROM_DELIVERY : FROM_SHIPPING, from.plus(Duration.ofDays(windowDays)));
    }
}
