package io.stowage.api.orders;

import io.stowage.api.commands.Commands;
import io.stowage.api.database.RecentReads;
import java.time.Duration;
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
    private final RecentReads<Channel, Integer> minimums = new RecentReads<>(Duration.ofSeconds(5));

    ShelfLifeRules(DatabaseClient db) {
        this.db = db;
    }

    record Rule(String channel, int minRemainingDays, OffsetDateTime updatedAt) {
    }

    private record Channel(UUID merchantId, String channel) {
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
                .one()
                .flatMap(rule -> Commands.afterCommit(() -> minimums.forget(new Channel(merchantId, channel))).thenReturn(rule));
    }

    /**
     * The channel's minimum in days (0 without a rule), for routing every order: as read in the last
     * few seconds (a change made on this instance counts at once, one made on another instance within
     * five seconds).
     */
    Mono<Integer> minRemainingDays(UUID merchantId, String channel) {
        return minimums.get(new Channel(merchantId, channel), () -> db.sql(
                        "SELECT min_remaining_days FROM shelf_life_rules WHERE merchant_id = :merchant AND channel = :channel")
                .bind("merchant", merchantId).bind("channel", channel)
                .map(row -> row.get("min_remaining_days", Integer.class))
                .one()
                .defaultIfEmpty(0));
    }

    Mono<List<Rule>> list(UUID merchantId) {
        return db.sql("SELECT channel, min_remaining_days, updated_at FROM shelf_life_rules WHERE merchant_id = :merchant ORDER BY channel")
                .bind("merchant", merchantId)
                .map(row -> new Rule(row.get("channel", String.class), row.get("min_remaining_days", Integer.class),
                        row.get("updated_at", OffsetDateTime.class)))
                .all().collectList();
    }
}
