package io.stowage.api.counts;

import io.stowage.api.Published;
import io.stowage.api.network.LocationRef;
import io.stowage.api.network.Network;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The cycle counts a merchant asked for that a supervisor approved, for work that charges them
 * (billing). A count rejected for a recount is the 3PL's own mistake: only the approved recount appears.
 */
@Service
@Published
public class RequestedCounts {

    /** One approved count of one location, with when the supervisor approved it. */
    public record RequestedCount(UUID taskId, String locationCode, Instant approvedAt) {
    }

    private record Row(UUID taskId, UUID locationId, Instant approvedAt) {
    }

    private final DatabaseClient db;
    private final Network network;

    RequestedCounts(DatabaseClient db, Network network) {
        this.db = db;
        this.network = network;
    }

    /** The merchant's requested counts approved in [from, to), in the order they were approved. */
    public Flux<RequestedCount> approvedBetween(UUID merchantId, Instant from, Instant to) {
        return db.sql("""
                        SELECT id, location_id, decided_at FROM count_tasks
                        WHERE requested_by_merchant_id = :merchant AND status = 'approved' AND decided_at >= :from AND decided_at < :to
                        ORDER BY decided_at, id
                        """)
                .bind("merchant", merchantId).bind("from", from.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC))
                .map(row -> new Row(row.get("id", UUID.class), row.get("location_id", UUID.class), row.get("decided_at", OffsetDateTime.class).toInstant()))
                .all().collectList()
                .flatMapMany(rows -> codes(rows).flatMapIterable(codes -> rows.stream()
                        .map(row -> new RequestedCount(row.taskId(), codes.get(row.locationId()), row.approvedAt())).toList()));
    }

    private Mono<Map<UUID, String>> codes(List<Row> rows) {
        if (rows.isEmpty()) {
            return Mono.just(Map.of());
        }
        return network.locationsByIds(rows.stream().map(Row::locationId).collect(Collectors.toSet())).collectMap(LocationRef::id, LocationRef::code);
    }
}
