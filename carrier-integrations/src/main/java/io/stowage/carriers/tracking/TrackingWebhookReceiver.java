package io.stowage.carriers.tracking;

import io.stowage.carriers.spi.Carrier;
import io.stowage.carriers.spi.UnsupportedCarrierOperationException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The one way into the library for an incoming carrier webhook: verify the signature on the raw
 * bytes, then parse, then drop events already seen (carrier + event id).
 */
public final class TrackingWebhookReceiver {

    private final Carrier carrier;
    private final WebhookVerifier verifier;
    private final ProcessedWebhookStore processed;

    public TrackingWebhookReceiver(Carrier carrier, byte[] secret, ProcessedWebhookStore processed) {
        WebhookSignatureScheme scheme = carrier.webhookSignatureScheme().orElseThrow(
                () -> new UnsupportedCarrierOperationException(carrier.code() + " sends no tracking webhooks"));
        this.carrier = carrier;
        this.verifier = new WebhookVerifier(carrier.code(), scheme, secret);
        this.processed = processed;
    }

    /**
     * @return the receipt; fails with {@link WebhookVerificationException} when the signature does not
     *         match, and then nothing is parsed or recorded
     */
    public CompletionStage<WebhookReceipt> receive(byte[] rawBody, Map<String, List<String>> headers) {
        WebhookNotification notification;
        try {
            notification = carrier.parseWebhook(verifier.verify(rawBody, headers));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return processed.recordIfNew(carrier.code(), notification.eventId()).thenApply(first -> new WebhookReceipt(carrier.code(),
                notification.eventId(), !first, first ? notification.events() : List.of(), first ? notification.estimates() : List.of()));
    }
}
