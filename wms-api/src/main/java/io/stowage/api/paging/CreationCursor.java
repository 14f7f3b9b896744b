package io.stowage.api.paging;

import io.stowage.api.problem.ApiProblem;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The sort key of lists in creation order: the creation time, with the id to break ties. A page
 * continues after it with {@code (created_at, id) > (:afterAt, :afterId)}.
 */
public record CreationCursor(OffsetDateTime createdAt, UUID id) {

    public static String key(OffsetDateTime createdAt, UUID id) {
        return createdAt + "/" + id;
    }

    /** The decoded {@code after} of a request; null for the first page. */
    public static CreationCursor parse(String afterKey) {
        if (afterKey.isEmpty()) {
            return null;
        }
        try {
            String[] parts = afterKey.split("/", 2);
            return new CreationCursor(OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ApiProblem.invalid("after", "is not a cursor this API gave out");
        }
    }
}
