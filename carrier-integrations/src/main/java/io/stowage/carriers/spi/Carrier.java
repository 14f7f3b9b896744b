package io.stowage.carriers.spi;

import io.stowage.carriers.tracking.TrackingHistory;
import io.stowage.carriers.tracking.VerifiedWebhook;
import io.stowage.carriers.tracking.WebhookNotification;
import io.stowage.carriers.tracking.WebhookSignatureScheme;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What every carrier integration offers. Calls are blocking: remote adapters bound them with
 * timeouts and retries, and a reactive caller runs them on a bounded scheduler, not on an event loop.
 * Failures are {@link CarrierException} subclasses.
 */
public interface Carrier {

    /** A short stable code such as {@code omniva} or {@code easypost}. */
    String code();

    String displayName();

    /** The services this carrier sells; aggregators whose services depend on the account return those they know of. */
    List<CarrierService> services();

    /** Parcels the carrier collects from one warehouse per day; empty when it does not limit them. */
    default OptionalInt dailyPickupCapacity() {
        return OptionalInt.empty();
    }

    /**
     * Prices one parcel on every service that can carry it.
     *
     * @return quotes, empty when no service of this carrier can carry the parcel
     * @throws UnknownDestinationException when the carrier does not serve the country or the postal code is malformed
     */
    List<RateQuote> quote(RateRequest request);

    /** Buys a label and returns it with its bytes in ZPL, PDF and PNG. */
    CreatedLabel createLabel(LabelRequest request);

    CancellationResult cancel(ShipmentHandle shipment);

    /**
     * Buys a label for a parcel the customer sends back to the warehouse, with a drop-off code where
     * the carrier takes parcels without a printed label.
     *
     * @throws UnsupportedCarrierOperationException when the carrier sells no return labels
     */
    default ReturnLabel createReturnLabel(ReturnLabelRequest request) {
        throw new UnsupportedCarrierOperationException(displayName() + " sells no return labels");
    }

    /** Pulls the parcel's tracking: its events oldest first, and the carrier's estimate of delivery when it gives one. */
    TrackingHistory track(TrackingKey trackingKey);

    /** How this carrier signs its webhooks, or empty when it sends none. */
    default Optional<WebhookSignatureScheme> webhookSignatureScheme() {
        return Optional.empty();
    }

    /** Reads a webhook whose signature was already checked; see {@code TrackingWebhookReceiver}. */
    default WebhookNotification parseWebhook(VerifiedWebhook webhook) {
        throw new UnsupportedCarrierOperationException(code() + " sends no tracking webhooks");
    }
}
