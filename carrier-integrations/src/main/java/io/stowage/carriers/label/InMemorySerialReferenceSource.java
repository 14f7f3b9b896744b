package io.stowage.carriers.label;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts serial references per company prefix in memory, starting at a given number. */
public final class InMemorySerialReferenceSource implements SerialReferenceSource {

    private final long first;
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    public InMemorySerialReferenceSource(long first) {
        this.first = first;
    }

    @Override
    public long next(String gs1CompanyPrefix) {
        return counters.computeIfAbsent(gs1CompanyPrefix, prefix -> new AtomicLong(first)).getAndIncrement();
    }
}
