package io.stowage.carriers.ratecard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts tracking serials per carrier in memory; for tests, demos and the benchmarks. */
public final class InMemoryTrackingNumberSequence implements TrackingNumberSequence {

    private final long first;
    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    public InMemoryTrackingNumberSequence(long first) {
        this.first = first;
    }

    @Override
    public long next(String carrierCode) {
        return counters.computeIfAbsent(carrierCode, code -> new AtomicLong(first)).getAndIncrement();
    }
}
