package io.stowage.api.commands;

import io.stowage.api.access.Secrets;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one way a write route runs its command. It owns:
 * <ul>
 * <li>the scope of the client's {@code Idempotency-Key}: the tenant (a {@link CommandScope}) and the
 *     route (method and path template, read from the request), so keys never collide across
 *     merchants, nodes, workers or routes;</li>
 * <li>the request hash: the body, the path variables and the query parameters as canonical JSON
 *     ({@link CanonicalJson}), so a replay matches on any instance and after any restart, and a key
 *     reused for a different request (another task, another node) is refused with 422;</li>
 * <li>the transaction: the key is claimed, the command runs, its answer is stored and its last
 *     writes ({@link #beforeCommit}) run, in one transaction; a concurrent request with the same key waits on the claimed row and then replays;
 *     a failed command rolls its claim back, so the client may retry;</li>
 * <li>retry of the whole transaction on deadlock, serialization failure or a {@link RetryableConflict}
 *     ({@link CommandRetry});</li>
 * <li>replay of the stored status and body, with {@code Idempotent-Replayed: true}.</li>
 * </ul>
 * The answer is stored in PostgreSQL ({@code idempotency_keys}), so every instance replays it.
 */
@Component
public class Commands {

    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final JsonMapper json;

    public Commands(DatabaseClient db, TransactionalOperator tx, JsonMapper json) {
        this.db = db;
        this.tx = tx;
        this.json = json;
    }

    /**
     * Runs {@code command} in one transaction, at most once per scope, route and Idempotency-Key
     * (when the client sends one), and answers {@code status} with the command's result as JSON
     * (no body when the command completes empty; a command may answer a {@link ResponseEntity} to choose its status).
     *
     * @param request the parsed body (or {@code null}); path variables and query parameters are added here
     */
    public Mono<ResponseEntity<String>> run(CommandScope scope, Object request, HttpStatus status, Supplier<? extends Mono<?>> command) {
        return run(scope, request, status, false, command);
    }

    /** Like {@link #run} but refuses a request without a key: for commands a retry must never apply twice. */
    public Mono<ResponseEntity<String>> require(CommandScope scope, Object request, HttpStatus status, Supplier<? extends Mono<?>> command) {
        return run(scope, request, status, true, command);
    }

    private Mono<ResponseEntity<String>> run(CommandScope scope, Object request, HttpStatus status, boolean keyRequired,
                                             Supplier<? extends Mono<?>> command) {
        return Mono.deferContextual(context -> {
            ServerWebExchange exchange = ServerWebExchangeContextFilter.getExchange(context)
                    .orElseThrow(() -> new IllegalStateException("a command runs for an HTTP request"));
            String key = exchange.getRequest().getHeaders().getFirst(KEY_HEADER);
            if (key == null && keyRequired) {
                return Mono.error(ApiProblem.invalid(KEY_HEADER,
                        "is required: send a unique key per command so that a retry cannot apply it twice"));
            }
            if (key != null && (key.isBlank() || key.length() > 200)) {
                return Mono.error(ApiProblem.invalid(KEY_HEADER, "must be 1 to 200 characters"));
            }
            Mono<ResponseEntity<String>> once = key == null
                    ? Mono.defer(() -> execute(command, status))
                    : Mono.defer(() -> claimOrReplay(scope(scope, exchange), key, hash(request, exchange), status, command));
            return once.as(tx::transactional).retryWhen(CommandRetry.onConflict());
        });
    }

    /** The tenant, then the route as the handler mapping matched it: {@code merchant:… POST /api/v1/orders/{id}/cancel}. */
    private static String scope(CommandScope scope, ServerWebExchange exchange) {
        Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = pattern == null ? exchange.getRequest().getPath().value() : pattern.toString();
        return scope.tenant() + " " + exchange.getRequest().getMethod().name() + " " + route;
    }

    private byte[] hash(Object request, ServerWebExchange exchange) {
        Map<String, String> pathVariables = exchange.getAttributeOrDefault(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of());
        ObjectNode whole = json.createObjectNode();
        whole.set("path", json.valueToTree(new TreeMap<>(pathVariables)));
        whole.set("query", json.valueToTree(new TreeMap<>(exchange.getRequest().getQueryParams())));
        whole.set("body", json.valueToTree(request));
        return Secrets.sha256(CanonicalJson.write(json, whole));
    }

    private Mono<ResponseEntity<String>> claimOrReplay(String scope, String key, byte[] requestHash, HttpStatus status,
                                                       Supplier<? extends Mono<?>> command) {
        return db.sql("""
                        INSERT INTO idempotency_keys (scope, idempotency_key, request_hash)
                        VALUES (:scope, :key, :hash) ON CONFLICT DO NOTHING
                        """)
                .bind("scope", scope).bind("key", key).bind("hash", requestHash)
                .fetch().rowsUpdated()
                .flatMap(claimed -> claimed == 1
                        ? execute(command, status).flatMap(answer -> remember(scope, key, answer))
                        : replay(scope, key, requestHash));
    }

    /** A command that chooses its status (201 created or 200 replaced) answers a {@link ResponseEntity}; its status and body are kept. */
    private Mono<ResponseEntity<String>> execute(Supplier<? extends Mono<?>> command, HttpStatus status) {
        return command.get()
                .map(result -> result instanceof ResponseEntity<?> entity
                        ? respond(entity.getStatusCode().value(), entity.getBody() == null ? null : json.writeValueAsString(entity.getBody()), false)
                        : respond(status.value(), json.writeValueAsString(result), false))
                .defaultIfEmpty(respond(status.value(), null, false));
    }

    /**
     * Runs {@code action} once the command's transaction has committed, for work that must see the
     * command's rows (a wave's solve on another connection); it does not run when the transaction
     * rolls back. Call it inside the command; outside any transaction (whose writes are committed
     * as they are made) it runs at once.
     */
    public static Mono<Void> afterCommit(Runnable action) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(transaction -> transaction.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(action);
                    }
                }))
                .then()
                .onErrorResume(NoTransactionException.class, none -> Mono.fromRunnable(action));
    }

    /**
     * Runs {@code work} as the command's last writes: in its transaction, after its answer is
     * stored, just before the commit. For writes that take row locks other commands queue for (a
     * reservation on stock levels): they are then held for these writes and the commit only. A
     * failure rolls the whole command back, answer and key claim included; a {@link RetryableConflict}
     * runs it again. Call it inside the command.
     */
    public static Mono<Void> beforeCommit(Supplier<Mono<Void>> work) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(transaction -> transaction.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> beforeCommit(boolean readOnly) {
                        return work.get();
                    }
                }))
                .then();
    }

    private Mono<ResponseEntity<String>> remember(String scope, String key, ResponseEntity<String> answer) {
        DatabaseClient.GenericExecuteSpec update = db.sql("""
                        UPDATE idempotency_keys SET response_status = :status, response_body = :body
                        WHERE scope = :scope AND idempotency_key = :key
                        """)
                .bind("status", answer.getStatusCode().value())
                .bind("scope", scope).bind("key", key);
        update = answer.getBody() == null ? update.bindNull("body", String.class) : update.bind("body", answer.getBody());
        return update.then()
                .thenReturn(answer);
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

    private static ResponseEntity<String> respond(int status, String body, boolean replayed) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).header(REPLAYED_HEADER, String.valueOf(replayed));
        return body == null ? answer.build() : answer.contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
