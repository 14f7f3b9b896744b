package io.stowage.scanner.offline;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;

/**
 * A confirmation as it waits on the device: the request to send, the key that makes sending it
 * twice harmless, and who scanned it (the session's token goes with it, so a queue left by one
 * worker is sent as that worker even after the device restarts).
 *
 * @param sequence       the device's order of confirmations; they are sent in this order
 * @param idempotencyKey the key the service remembers the first answer under
 * @param method         {@code POST} for most, {@code DELETE} for taking something back (a carton off a load)
 * @param summary        one line for the worker, such as "Pick TEE-M-NAVY x2 tote 1"
 */
public record Confirmation(long sequence, String idempotencyKey, String method, String path, JsonNode body, String summary,
                           String badge, String token, Instant queuedAt) {

    public Confirmation {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(path, "path");
        if (!POST.equals(method) && !DELETE.equals(method)) {
            throw new IllegalArgumentException("A confirmation is a POST or a DELETE, not " + method);
        }
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(badge, "badge");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(queuedAt, "queuedAt");
    }

    public static final String POST = "POST";
    public static final String DELETE = "DELETE";

    Confirmation withToken(String newToken) {
        return new Confirmation(sequence, idempotencyKey, method, path, body, summary, badge, newToken, queuedAt);
    }
}
