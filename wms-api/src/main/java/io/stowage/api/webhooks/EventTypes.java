package io.stowage.api.webhooks;

import io.stowage.api.problem.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an endpoint subscribes to: exact types ({@code order.accepted}), a family of types
 * ({@code order.*}) or everything ({@code *}). The same rule is written once in SQL, so the fan-out
 * and a replay choose the same endpoints.
 */
final class EventTypes {

    private static final Pattern WELL_FORMED = Pattern.compile("\\*|[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*(\\.\\*)?");
    static final int MAX_PATTERNS = 50;

    /** True when one of the endpoint's patterns (alias {@code e}) matches the bound {@code :type}. */
    static final String MATCHES_SQL = """
            EXISTS (SELECT 1 FROM unnest(e.event_types) AS p(pattern)
                    WHERE p.pattern = '*' OR p.pattern = :type
                       OR (right(p.pattern, 2) = '.*' AND starts_with(:type, left(p.pattern, -1))))
            """;

    private EventTypes() {
    }

    /** The patterns without duplicates, in the order given, or a 422 naming each bad one. */
    static List<String> validated(List<String> patterns) {
        List<ApiProblem.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i);
            if (pattern == null || !WELL_FORMED.matcher(pattern).matches()) {
                problems.add(new ApiProblem.FieldProblem("event_types[" + i + "]",
                        "must be an event type such as order.accepted, a family such as order.*, or *"));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid("event_types holds patterns that are not event types", problems);
        }
        return patterns.stream().distinct().toList();
    }
}
