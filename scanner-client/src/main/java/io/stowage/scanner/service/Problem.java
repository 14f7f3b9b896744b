package io.stowage.scanner.service;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The service's refusal (RFC 9457 problem+json) reduced to what a worker's screen shows.
 *
 * @param type   the short problem type, such as {@code wrong-location}
 * @param status the HTTP status
 * @param detail the service's sentence for a human, with field errors appended
 */
public record Problem(String type, int status, String detail) {

    private static final String TYPE_BASE = "https://stowage.io/problems/";

    /** Reads a problem body; empty when the body is not one. */
    static java.util.Optional<Problem> read(int status, JsonNode body) {
        if (body == null || !body.isObject() || !body.hasNonNull("type")) {
            return java.util.Optional.empty();
        }
        String type = body.path("type").asString();
        if (type.startsWith(TYPE_BASE)) {
            type = type.substring(TYPE_BASE.length());
        }
        String detail = body.hasNonNull("detail") ? body.path("detail").asString() : body.path("title").asString(type);
        List<String> fields = new ArrayList<>();
        for (JsonNode error : body.path("errors")) {
            String field = error.path("field").asString("");
            String message = error.path("message").asString(error.path("detail").asString(""));
            if (!message.isBlank() && !detail.contains(message)) {
                fields.add(field.isBlank() ? message : field + ": " + message);
            }
        }
        if (!fields.isEmpty()) {
            detail = detail + " (" + String.join("; ", fields) + ")";
        }
        return java.util.Optional.of(new Problem(type, status, detail));
    }
}
