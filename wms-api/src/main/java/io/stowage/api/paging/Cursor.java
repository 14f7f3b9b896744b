package io.stowage.api.paging;

import io.stowage.api.problem.ApiProblem;
import io.stowage.api.input.StorableText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque cursors: the last sort key of a page, so clients do not build them by hand. */
public final class Cursor {

    private Cursor() {
    }

    public static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key after which the next page starts; empty string for the first page. */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return "";
        }
        try {
            // Strict: a cursor this API gave out is UTF-8 text without NUL; anything else never reaches a query.
            String key = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor))).toString();
            if (!StorableText.isStorable(key)) {
                throw notACursor();
            }
            return key;
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw notACursor();
        }
    }

    /**
     * For lists that run newest first by a row number: the number below which the next page starts,
     * {@link Long#MAX_VALUE} for the first page.
     */
    public static long positionBefore(String cursor) {
        String key = decode(cursor);
        try {
            return key.isEmpty() ? Long.MAX_VALUE : Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw notACursor();
        }
    }

    private static ApiProblem notACursor() {
        return ApiProblem.invalid("after", "is not a cursor this API gave out");
    }

    /** Checks {@code limit} and applies the default. */
    public static int limit(Integer limit) {
        if (limit == null) {
            return Page.DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > Page.MAX_LIMIT) {
            throw ApiProblem.invalid("limit", "must be between 1 and " + Page.MAX_LIMIT);
        }
        return limit;
    }
}
