package io.stowage.api.orders;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The shortest remaining shelf life a merchant lets a channel's customers receive, in days. A
 * channel without a rule gets any lot that has not expired.
 */
@Service
class ShelfLifeRules {

    private final DatabaseClient db;

    ShelfLifeRules(DatabaseClient db) {
        this.db = db;
    }

    record Rule(String channel, int minRemainingDays, OffsetDateTime updatedAt) {
    }

    Mono<Rule> set(UUID merchantId, String channel, int minRemainingDays) {
        return db.sql("""
                        INSERT INTO shelf_life_rules (merchant_id, channel, min_remaining_days) VALUES (:merchant, :channel, :days)
                        ON CONFLICT (merchant_id, channel) DO UPDATE SET min_remaining_days = EXCLUDED.min_remaining_days, updated_at = now()
                        RETURNING channel, min_remaining_days, updated_at
                        """)
                .bind("merchant", merchantId).bind("channel", channel).bind("days", minRemainingDays)
                .map(row -> new Rule(row.get("channel", String.class), row.get("min_remaining_days", Integer.class),
                        row.get("updated_at", OffsetDateTime.class)))
                .one();
    }

    Mono<List<Rule>> list(UUID merchantId) {
        return db.sql("SELECT channel, min_remaining_days, updated_at FROM shelf_life_rules WHERE merchant_id = :merchant ORDER BY channel")
                .bind("merchant", merchantId)
                .map(row -> new Rule(row.get("channel", String.class), row.get("min_remaining_days", Integer.class),
                        row.get("updated_at", OffsetDateTime.class)))
                .all().collectList();
    }
}
