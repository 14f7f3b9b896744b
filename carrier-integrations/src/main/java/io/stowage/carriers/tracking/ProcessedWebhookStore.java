package io.stowage.carriers.tracking;

import java.util.concurrent.CompletionStage;

/**
 * Remembers which webhook events were already handled, keyed by carrier and event id, because
 * carriers deliver at least once. The service implements this over its database; the library
 * ships {@link InMemoryProcessedWebhookStore}.
 */
public interface ProcessedWebhookStore {

    /** Records the event and answers true if it had not been recorded before; atomic. */
    CompletionStage<Boolean> recordIfNew(String carrierCode, String eventId);
}
