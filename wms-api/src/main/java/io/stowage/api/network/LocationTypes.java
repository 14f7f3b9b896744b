package io.stowage.api.network;

import io.stowage.api.Published;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The type of many locations in one query ({@code pick_face}, {@code reserve}, ...): storage is priced by it. */
@Service
@Published
public class LocationTypes {

    private final DatabaseClient db;

    public LocationTypes(DatabaseClient db) {
        this.db = db;
    }

    /** Location id to type; unknown ids are missing. */
    public Mono<Map<UUID, String>> of(Collection<UUID> locationIds) {
        return db.sql("SELECT id, type FROM locations WHERE id = ANY(:ids)")
                .bind("ids", locationIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("id", UUID.class), row.get("type", String.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
