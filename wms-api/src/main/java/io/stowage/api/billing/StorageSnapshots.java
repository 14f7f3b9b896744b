package io.stowage.api.billing;

import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.inventory.LedgerHistory;
import io.stowage.api.network.LocationTypes;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Daily photographs of what every merchant keeps where, for storage charges. A day is photographed
 * once it is over (UTC): a pass lists the days up to yesterday that have no row yet (catching up
 * from the last day it knows, or {@code snapshot-catch-up-days} back on a fresh database), claims the
 * oldest open one with {@code FOR UPDATE SKIP LOCKED} (several instances share the work), writes its
 * rows and marks it taken in one transaction. A taken day is never taken again, and its rows are
 * keyed by merchant, day, location and variant: running the job twice for a day changes nothing.
 * The holdings come from the ledger summed up to the day's end, so a day caught up late is
 * photographed as it was, not as the shelves are now.
 */
@Service
public class StorageSnapshots {

    private static final int CHUNK = 5_000;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final LedgerHistory ledger;
    private final LocationTypes locationTypes;
    private final Variants variants;
    private final BillingClock clock;
    private final BillingSettings settings;

    public StorageSnapshots(DatabaseClient db, TransactionalOperator tx, LedgerHistory ledger, LocationTypes locationTypes, Variants variants,
                            BillingClock clock, BillingSettings settings) {
        this.db = db;
        this.tx = tx;
        this.ledger = ledger;
        this.locationTypes = locationTypes;
        this.variants = variants;
        this.clock = clock;
        this.settings = settings;
    }

    /** One stored row: units of a variant at a location at the end of the day, their volume and the location's type. */
    public record Snapshot(LocalDate day, UUID locationId, String locationType, UUID variantId, int quantity, long volumeMm3) {
    }

    /** One pass of the background loop: the oldest day not yet photographed, up to yesterday; 1 when it took one. */
    Mono<Integer> pass() {
        return takeNext(clock.today().minusDays(1));
    }

    /** Every day up to {@code lastDay} not yet photographed; answers how many days this call took. */
    public Mono<Integer> takeUpTo(LocalDate lastDay) {
        return takeNext(lastDay)
                .expand(taken -> taken > 0 ? takeNext(lastDay) : Mono.empty())
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> takeNext(LocalDate lastDay) {
        return listDays(lastDay).then(claimAndTake(lastDay).as(tx::transactional));
    }

    /** Days after the last known one up to {@code lastDay} (on a fresh database: the catch-up window). */
    private Mono<Void> listDays(LocalDate lastDay) {
        return db.sql("""
                        INSERT INTO storage_snapshot_days (day)
                        SELECT CAST(d AS date) FROM generate_series(
                            coalesce((SELECT max(day) + 1 FROM storage_snapshot_days), CAST(:first AS date)), CAST(:last AS date), interval '1 day') AS d
                        ON CONFLICT (day) DO NOTHING
                        """)
                .bind("first", lastDay.minusDays(settings.snapshotCatchUpDays() - 1L)).bind("last", lastDay)
                .then();
    }

    private Mono<Integer> claimAndTake(LocalDate lastDay) {
        return db.sql("""
                        SELECT day FROM storage_snapshot_days WHERE taken_at IS NULL AND day <= :last
                        ORDER BY day LIMIT 1 FOR UPDATE SKIP LOCKED
                        """)
                .bind("last", lastDay).map(row -> row.get("day", LocalDate.class)).one()
                .flatMap(day -> photograph(day)
                        .then(db.sql("UPDATE storage_snapshot_days SET taken_at = now(), taken_by = :by WHERE day = :day")
                                .bind("by", "snapshot-job").bind("day", day).then())
                        .thenReturn(1))
                .defaultIfEmpty(0);
    }

    private Mono<Void> photograph(LocalDate day) {
        return ledger.onHandBefore(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)).collectList()
                .flatMap(holdings -> holdings.isEmpty() ? Mono.empty()
                        : locationTypes.of(holdings.stream().map(LedgerHistory.OnHand::locationId).distinct().toList())
                        .flatMap(types -> variants.byIds(holdings.stream().map(LedgerHistory.OnHand::variantId).distinct().toList())
                                .collectMap(VariantRef::id)
                                .flatMap(byId -> write(day, holdings, types, byId))));
    }

    private Mono<Void> write(LocalDate day, List<LedgerHistory.OnHand> holdings, Map<UUID, String> types, Map<UUID, VariantRef> byId) {
        List<List<LedgerHistory.OnHand>> chunks = new ArrayList<>();
        for (int i = 0; i < holdings.size(); i += CHUNK) {
            chunks.add(holdings.subList(i, Math.min(holdings.size(), i + CHUNK)));
        }
        return Flux.fromIterable(chunks).concatMap(chunk -> {
            int n = chunk.size();
            UUID[] merchants = new UUID[n];
            UUID[] locations = new UUID[n];
            String[] locationType = new String[n];
            UUID[] variantIds = new UUID[n];
            Integer[] quantities = new Integer[n];
            Long[] volumes = new Long[n];
            for (int i = 0; i < n; i++) {
                LedgerHistory.OnHand holding = chunk.get(i);
                merchants[i] = holding.merchantId();
                locations[i] = holding.locationId();
                locationType[i] = types.getOrDefault(holding.locationId(), "unknown");
                variantIds[i] = holding.variantId();
                quantities[i] = Math.toIntExact(holding.quantity());
                volumes[i] = holding.quantity() * unitVolume(byId.get(holding.variantId()));
            }
            return db.sql("""
                            INSERT INTO storage_snapshots (day, merchant_id, location_id, location_type, variant_id, quantity, volume_mm3)
                            SELECT :day, * FROM unnest(CAST(:merchants AS uuid[]), CAST(:locations AS uuid[]), CAST(:types AS text[]),
                                                       CAST(:variants AS uuid[]), CAST(:quantities AS integer[]), CAST(:volumes AS bigint[]))
                            ON CONFLICT DO NOTHING
                            """)
                    .bind("day", day).bind("merchants", merchants).bind("locations", locations).bind("types", locationType)
                    .bind("variants", variantIds).bind("quantities", quantities).bind("volumes", volumes)
                    .then();
        }).then();
    }

    /** A unit's volume from the variant's dimensions; a variant without dimensions takes no volume. */
    private static long unitVolume(VariantRef variant) {
        if (variant == null || variant.lengthMm() == null || variant.widthMm() == null || variant.heightMm() == null) {
            return 0;
        }
        return (long) variant.lengthMm() * variant.widthMm() * variant.heightMm();
    }

    /** The merchant's rows for a day, by location and variant. */
    public Flux<Snapshot> of(UUID merchantId, LocalDate day) {
        return db.sql("""
                        SELECT day, location_id, location_type, variant_id, quantity, volume_mm3 FROM storage_snapshots
                        WHERE merchant_id = :merchant AND day = :day ORDER BY location_id, variant_id
                        """)
                .bind("merchant", merchantId).bind("day", day)
                .map(row -> new Snapshot(row.get("day", LocalDate.class), row.get("location_id", UUID.class), row.get("location_type", String.class),
                        row.get("variant_id", UUID.class), row.get("quantity", Integer.class), row.get("volume_mm3", Long.class)))
                .all();
    }

    /**
     * The merchant's storage per day in [from, to): occupied locations per type, and the volume of the
     * units on shelves (pick faces and reserve). Units at a dock, staging area, pack station or returns
     * location are in process, not stored: they count as an occupied location only where the rate card
     * prices that type.
     */
    Mono<List<ChargeRules.StorageDay>> days(UUID merchantId, LocalDate from, LocalDate to) {
        return db.sql("""
                        SELECT day, location_type, count(DISTINCT location_id) AS locations,
                               sum(volume_mm3) FILTER (WHERE location_type IN ('pick_face', 'reserve')) AS volume
                        FROM storage_snapshots WHERE merchant_id = :merchant AND day >= :from AND day < :to
                        GROUP BY day, location_type
                        """)
                .bind("merchant", merchantId).bind("from", from).bind("to", to)
                .map(row -> new Object[] {row.get("day", LocalDate.class), row.get("location_type", String.class),
                        row.get("locations", Number.class).intValue(),
                        row.get("volume", Number.class) == null ? 0L : row.get("volume", Number.class).longValue()})
                .all().collectList()
                .map(rows -> {
                    Map<LocalDate, Map<String, Integer>> locations = new TreeMap<>();
                    Map<LocalDate, Long> volumes = new HashMap<>();
                    for (Object[] row : rows) {
                        LocalDate day = (LocalDate) row[0];
                        locations.computeIfAbsent(day, d -> new TreeMap<>()).put((String) row[1], (Integer) row[2]);
                        volumes.merge(day, (Long) row[3], Long::sum);
                    }
                    return locations.entrySet().stream()
                            .map(entry -> new ChargeRules.StorageDay(entry.getKey(), entry.getValue(), volumes.get(entry.getKey())))
                            .toList();
                });
    }
}
