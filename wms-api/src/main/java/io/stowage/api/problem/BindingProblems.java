package io.stowage.api.problem;

import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;

/**
 * A JSON body that parses but does not fit its fields (a fraction where a whole number goes, a number
 * where an enum's name goes, text PostgreSQL cannot store) is a 422 naming the field, like a bean
 * validation failure; only JSON that does not parse stays a 400.
 */
public final class BindingProblems {

    private BindingProblems() {
    }

    /** The field problem of a binding failure anywhere in the cause chain; empty for JSON that does not parse at all. */
    public static Optional<ApiProblem> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && (jackson instanceof DatabindException || jackson instanceof InputCoercionException)
                    && !jackson.getPath().isEmpty()) {
                String field = field(jackson.getPath());
                String message = message(jackson);
                return Optional.of(ApiProblem.invalid(field + ": " + message, List.of(new ApiProblem.FieldProblem(field, message))));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The path as the client wrote it, for example {@code lines[0].quantity}. */
    static String field(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String message(JacksonException e) {
        String message = e.getOriginalMessage() == null ? "has the wrong type" : e.getOriginalMessage();
        int newline = message.indexOf('\n');
        if (newline >= 0) {
            message = message.substring(0, newline);
        }
        // Jackson's advice on its own configuration means nothing to a client.
        int hint = message.indexOf(" (but could if coercion");
        if (hint >= 0) {
            message = message.substring(0, hint);
        }
        return message.replace("\u0000", "\\u0000");
    }
}
