package io.stowage.api.inventory;

import io.stowage.api.Published;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Lots as people read them: the lot number (and expiry) behind a lot key, for screens such as the pack station's. */
@Component
@Published
public class LotNumbers {

    /** A lot's number as printed on the goods, and its expiry date when the variant tracks one. */
    @Published
    public record Lot(UUID lotKey, String lotNumber, LocalDate expiresOn) {
    }

    private final DatabaseClient db;

    LotNumbers(DatabaseClient db) {
        this.db = db;
    }

    /** The lots with these keys that exist, by key; {@link StockLedger#NO_LOT} and unknown keys are left out. */
    public Mono<Map<UUID, Lot>> of(Collection<UUID> lotKeys) {
        UUID[] keys = lotKeys.stream().filter(key -> !StockLedger.NO_LOT.equals(key)).distinct().toArray(UUID[]::new);
        if (keys.length == 0) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT id, lot_number, expires_on FROM lots WHERE id = ANY(:keys)")
                .bind("keys", keys)
                .map(row -> new Lot(row.get("id", UUID.class), row.get("lot_number", String.class), row.get("expires_on", LocalDate.class)))
                .all().collectMap(Lot::lotKey);
    }
}
