package io.stowage.api.idempotency;

import io.stowage.api.access.Secrets;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one idempotency mechanism of the API. The key is claimed by inserting it in the same
 * transaction as the command: a concurrent request with the same key waits on that row, and then
 * replays the stored response instead of running the command a second time. A failed command
 * rolls the claim back, so the client may retry.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final JsonMapper json;

    public Idempotency(DatabaseClient db, TransactionalOperator tx, JsonMapper json) {
        this.db = db;
        this.tx = tx;
        this.json = json;
    }

    /**
     * Runs {@code command} in one transaction, at most once per {@code scope} and {@code key}.
     *
     * @param scope   whose keys these are (a merchant, a worker), so keys of different callers never collide
     * @param key     the client's {@code Idempotency-Key}; {@code null} runs the command without protection
     * @param request the parsed request, whose hash tells a replay from a different request under the same key
     */
    public Mono<ResponseEntity<String>> run(String scope, String key, Object request, HttpStatus status, Supplier<Mono<?>> command) {
        if (key == null) {
            return command.get().map(this::toJson).map(body -> respond(status.value(), body, false)).as(tx::transactional);
        }
        if (key.isBlank() || key.length() > 200) {
            throw ApiProblem.invalid(HEADER, "must be 1 to 200 characters");
        }
        byte[] requestHash = Secrets.sha256(toJson(request));
        Mono<ResponseEntity<String>> flow = db.sql("""
                        INSERT INTO idempotency_keys (scope, idempotency_key, request_hash)
                        VALUES (:scope, :key, :hash) ON CONFLICT DO NOTHING
                        """)
                .bind("scope", scope).bind("key", key).bind("hash", requestHash)
                .fetch().rowsUpdated()
                .flatMap(claimed -> claimed == 1
                        ? command.get().map(this::toJson).flatMap(body -> remember(scope, key, status.value(), body))
                        : replay(scope, key, requestHash));
        return flow.as(tx::transactional);
    }

    /** Like {@link #run} but refuses requests without a key, for commands a retry must never repeat. */
    public Mono<ResponseEntity<String>> require(String scope, String key, Object request, HttpStatus status, Supplier<Mono<?>> command) {
        if (key == null) {
            throw ApiProblem.invalid(HEADER, "is required: send a unique key per command so that a retry cannot apply it twice");
        }
        return run(scope, key, request, status, command);
    }

    private Mono<ResponseEntity<String>> remember(String scope, String key, int status, String body) {
        return db.sql("UPDATE idempotency_keys SET response_status = :status, response_body = :body WHERE scope = :scope AND idempotency_key = :key")
                .bind("status", status).bind("body", body).bind("scope", scope).bind("key", key)
                .then()
                .then(Mono.fromSupplier(() -> respond(status, body, false)));
    }

    private Mono<ResponseEntity<String>> replay(String scope, String key, byte[] requestHash) {
        return db.sql("SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE scope = :scope AND idempotency_key = :key")
                .bind("scope", scope).bind("key", key)
                .map(row -> {
                    if (!Arrays.equals(row.get("request_hash", byte[].class), requestHash)) {
                        throw ApiProblem.of(ProblemType.IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key " + key + " was used before with a different request");
                    }
                    return respond(row.get("response_status", Integer.class), row.get("response_body", String.class), true);
                })
                .one();
    }

    private ResponseEntity<String> respond(int status, String body, boolean replayed) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", String.valueOf(replayed))
                .body(body);
    }

    private String toJson(Object value) {
        return json.writeValueAsString(value);
    }
}
