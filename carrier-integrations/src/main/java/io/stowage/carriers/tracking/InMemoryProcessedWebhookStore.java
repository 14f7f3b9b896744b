package io.stowage.carriers.tracking;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Keeps the most recent event ids in memory. Carriers retry within hours, so a bounded window of
 * recent ids catches the duplicates that matter without growing forever.
 */
public final class InMemoryProcessedWebhookStore implements ProcessedWebhookStore {

    private final Set<String> recent;

    public InMemoryProcessedWebhookStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.recent = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        }));
    }

    @Override
    public CompletionStage<Boolean> recordIfNew(String carrierCode, String eventId) {
        // The carrier code is part of the key: two carriers may well use the same event id.
        return CompletableFuture.completedFuture(recent.add(carrierCode + '\u0000' + eventId));
    }
}
