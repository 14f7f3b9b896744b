package io.stowage.carriers.spi;

import io.stowage.carriers.tracking.TrackingHistory;
import io.stowage.carriers.tracking.VerifiedWebhook;
import io.stowage.carriers.tracking.WebhookNotification;
import io.stowage.carriers.tracking.WebhookSignatureScheme;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What every carrier integration offers. Calls that reach a carrier or a store answer with a
 * {@link CompletionStage} and never wait on the caller's thread: remote adapters send without
 * blocking, bounded by timeouts and retries, so a reactive caller may call them from an event loop.
 * Failures complete the stage exceptionally with {@link CarrierException} subclasses; see
 * {@link CarrierFutures#cause} to read them through a {@code CompletionException}.
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
     * @return quotes, empty when no service of this carrier can carry the parcel; fails with
     *         {@link UnknownDestinationException} when the carrier does not serve the country or the postal code is malformed
     */
    CompletionStage<List<RateQuote>> quote(RateRequest request);

    /**
     * Buys a label and returns it with its bytes in ZPL, PDF and PNG. A carrier numbering its own
     * parcels asks its {@code TrackingNumberSequence} on the caller's thread, before this returns.
     */
    CompletionStage<CreatedLabel> createLabel(LabelRequest request);

    CompletionStage<CancellationResult> cancel(ShipmentHandle shipment);

    /**
     * Buys a label for a parcel the customer sends back to the warehouse, with a drop-off code where
     * the carrier takes parcels without a printed label.
     *
     * @return the label; fails with {@link UnsupportedCarrierOperationException} when the carrier sells no return labels
     */
    default CompletionStage<ReturnLabel> createReturnLabel(ReturnLabelRequest request) {
        return CompletableFuture.failedFuture(new UnsupportedCarrierOperationException(displayName() + " sells no return labels"));
    }

    /** Pulls the parcel's tracking: its events oldest first, and the carrier's estimate of delivery when it gives one. */
    CompletionStage<TrackingHistory> track(TrackingKey trackingKey);

    /** How this carrier signs its webhooks, or empty when it sends none. */
    default Optional<WebhookSignatureScheme> webhookSignatureScheme() {
        return Optional.empty();
    }

    /** Reads a webhook whose signature was already checked (pure parsing, no I/O); see {@code TrackingWebhookReceiver}. */
    default WebhookNotification parseWebhook(VerifiedWebhook webhook) {
        throw new UnsupportedCarrierOperationException(code() + " sends no tracking webhooks");
    }
}
