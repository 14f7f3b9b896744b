package io.stowage.api.catalog;

import io.stowage.api.problem.ApiProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem of a request before anything is written. One problem per field, and at
 * most {@value #LISTED} listed, so that a broken file of 10,000 rows gives a readable answer.
 */
final class FieldErrors {

    static final int LISTED = 100;

    private final List<ApiProblem.FieldProblem> listed = new ArrayList<>();
    private final Set<String> fields = new HashSet<>();

    void add(String field, String message) {
        if (fields.add(field) && listed.size() < LISTED) {
            listed.add(new ApiProblem.FieldProblem(field, message));
        }
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Refuses the request with every problem found, if there is any. */
    void throwIfAny() {
        if (fields.isEmpty()) {
            return;
        }
        String detail = fields.size() == 1
                ? listed.get(0).field() + ": " + listed.get(0).message() + "; nothing was written"
                : fields.size() + " problems found" + (fields.size() > LISTED ? ", the first " + LISTED + " are listed" : "")
                        + "; nothing was written";
        throw ApiProblem.invalid(detail, listed);
    }
}
