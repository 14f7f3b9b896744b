package io.stowage.api.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list in a stable order. {@code nextCursor} is passed back as {@code after} to get
 * the next page and is absent on the last one.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that more follow.
     */
    public static <T> Page<T> of(List<T> rowsFetched, int limit, Function<T, String> sortKey) {
        if (rowsFetched.size() <= limit) {
            return new Page<>(rowsFetched, null);
        }
        List<T> items = rowsFetched.subList(0, limit);
        return new Page<>(List.copyOf(items), Cursor.encode(sortKey.apply(items.get(limit - 1))));
    }
}
