package io.stowage.api.database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Reads of rows that every order needs and that rarely change (the network's nodes, a merchant's
 * settings), kept for a few seconds so that intake does not ask the database for them on every
 * request. The owner of the rows forgets them when it changes them, after the change commits, so
 * this instance never answers with what it overwrote; another instance sees the change when its copy
 * is older than {@code maxAge}.
 *
 * <p>A read that started before a {@link #forget} does not keep its result: it may have read the row
 * before the change committed.
 */
public final class RecentReads<K, V> {

    private record Kept<V>(V value, Instant readAt) {
    }

    private final Duration maxAge;
    private final Clock clock;
    private final ConcurrentHashMap<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    public RecentReads(Duration maxAge) {
        this(maxAge, Clock.systemUTC());
    }

    public RecentReads(Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** What {@code read} answered for {@code key} less than {@code maxAge} ago, else its answer now; an empty or failed read is not kept. */
    public Mono<V> get(K key, Supplier<Mono<V>> read) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Kept<V> recent = kept.get(key);
            if (recent != null && recent.readAt().plus(maxAge).isAfter(now)) {
                return Mono.just(recent.value());
            }
            long changesBefore = changes.get();
            // Checked inside the map's lock of the key: a forget counts its change before it removes, so a
            // change either comes before this check (nothing kept) or removes what this keeps.
            return read.get().doOnNext(value -> kept.compute(key,
                    (k, before) -> changes.get() == changesBefore ? new Kept<>(value, now) : before));
        });
    }

    /** Drops what was kept for {@code key}; reads in flight keep nothing. */
    public void forget(K key) {
        changes.incrementAndGet();
        kept.remove(key);
    }

    /** Drops everything kept; reads in flight keep nothing. */
    public void forgetAll() {
        changes.incrementAndGet();
        kept.clear();
    }
}
