package io.stowage.api.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.filter.reactive.ServerWebExchangeContextFilter;
import reactor.core.publisher.Mono;

@ResourceLock(value = ApiTest.SECOND_INSTANCES, mode = ResourceAccessMode.READ)
class CommandsTest extends ApiTest {


    @Autowired
    Commands commands;

    @Autowired
    DatabaseClient db;

    /** Starts a second service on the same database: slow, like the other second-instance tests (CI runs it with -Pslow). */
    @Test
    @Tag("slow")
    void aReplayInAFreshApplicationContextGetsTheStoredAnswer() {
        World world = World.create(this);
        String key = "receipt-" + UUID.randomUUID();
        Map<String, Object> receipt = Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", 4, "location_code", "DOCK-1");
        EntityExchangeResult<String> first = world.worker(this).post().uri("/api/v1/receipts").header(Commands.KEY_HEADER, key)
                .bodyValue(receipt).exchange().expectStatus().isCreated()
                .expectHeader().valueEquals(Commands.REPLAYED_HEADER, "false")
                .expectBody(String.class).returnResult();

        try (ConfigurableApplicationContext second = secondInstance()) {
            WebTestClient there = WebTestClient.bindToServer().responseTimeout(RESPONSE_TIMEOUT)
                    .baseUrl("http://localhost:" + second.getEnvironment().getProperty("local.server.port"))
                    .defaultHeader("Authorization", "Bearer " + world.workerToken).build();
            there.post().uri("/api/v1/receipts").header(Commands.KEY_HEADER, key)
                    .bodyValue(Map.of("location_code", "DOCK-1", "quantity", 4, "sku", "TEE-M-NAVY", "merchant_id", world.merchantId))
                    .exchange().expectStatus().isCreated()
                    .expectHeader().valueEquals(Commands.REPLAYED_HEADER, "true")
                    .expectBody(String.class).isEqualTo(first.getResponseBody());
        }
        world.merchant(this).get().uri("/api/v1/availability?sku=TEE-M-NAVY").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].on_hand").isEqualTo(4);
    }

    @Test
    void theSameKeyAndBodyOnTwoNodesGiveTwoResults() {
        List<String> nodes = List.of(unique("KEYA"), unique("KEYB"));
        for (String node : nodes) {
            admin().post().uri("/api/v1/nodes").bodyValue(Map.of(
                            "code", node, "kind", "warehouse", "name", "Kaunas " + node,
                            "address", Map.of("line", "Savanorių pr. 1", "city", "Kaunas", "postal_code", "44255", "country", "LT"),
                            "latitude", 54.8985, "longitude", 23.9036, "time_zone", "Europe/Vilnius"))
                    .exchange().expectStatus().isCreated();
        }
        String key = "zone-" + UUID.randomUUID();
        for (String node : nodes) {
            admin().post().uri("/api/v1/nodes/{code}/zones", node).header(Commands.KEY_HEADER, key)
                    .bodyValue(Map.of("code", "Z1", "name", "Ambient"))
                    .exchange().expectStatus().isCreated()
                    .expectHeader().valueEquals(Commands.REPLAYED_HEADER, "false");
            admin().get().uri("/api/v1/nodes/{code}/zones", node).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.items[*].code").isEqualTo(List.of("Z1"));
        }
        admin().post().uri("/api/v1/nodes/{code}/zones", nodes.get(1)).header(Commands.KEY_HEADER, key)
                .bodyValue(Map.of("name", "Ambient", "code", "Z1"))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals(Commands.REPLAYED_HEADER, "true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"40P01", "40001"})
    void aCommandAbortedByADeadlockOrASerializationFailureRunsAgainInANewTransaction(String sqlState) {
        String key = "retry-" + UUID.randomUUID();
        String marker = "retry-" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        ResponseEntity<String> answer = commands.require(CommandScope.admin(), Map.of("marker", marker), HttpStatus.CREATED,
                        () -> db.sql("INSERT INTO idempotency_keys (scope, idempotency_key, request_hash) VALUES ('test', :marker, '\\x00')")
                                .bind("marker", marker + "-" + runs.incrementAndGet()).then()
                                .then(runs.get() == 1 ? fail(sqlState) : Mono.empty())
                                .thenReturn(Map.of("runs", runs.get())))
                .contextWrite(context -> context.put(ServerWebExchangeContextFilter.EXCHANGE_CONTEXT_ATTRIBUTE, exchange(key)))
                .block();

        assertThat(runs).hasValue(2);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(answer.getBody()).isEqualTo("{\"runs\":2}");
        assertThat(markers(marker)).as("the first run's write was rolled back with its transaction").containsExactly(marker + "-2");

        ResponseEntity<String> replay = commands.require(CommandScope.admin(), Map.of("marker", marker), HttpStatus.CREATED,
                        () -> Mono.fromSupplier(runs::incrementAndGet))
                .contextWrite(context -> context.put(ServerWebExchangeContextFilter.EXCHANGE_CONTEXT_ATTRIBUTE, exchange(key)))
                .block();
        assertThat(runs).hasValue(2);
        assertThat(replay.getBody()).isEqualTo("{\"runs\":2}");
        assertThat(replay.getHeaders().getFirst(Commands.REPLAYED_HEADER)).isEqualTo("true");
    }

    @Test
    void theLastWritesRunAfterTheAnswerIsStoredAndAConflictThereRunsTheWholeCommandAgain() {
        String key = "last-" + UUID.randomUUID();
        String marker = "last-" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        List<String> answersSeenByTheLastWrites = new java.util.concurrent.CopyOnWriteArrayList<>();
        ResponseEntity<String> answer = commands.require(CommandScope.admin(), Map.of("marker", marker), HttpStatus.CREATED,
                        () -> {
                            int run = runs.incrementAndGet();
                            return mark(marker + "-" + run + "-command")
                                    .then(Commands.beforeCommit(() -> storedAnswer(key)
                                            .doOnNext(answersSeenByTheLastWrites::add)
                                            .then(mark(marker + "-" + run + "-last"))
                                            .then(run == 1 ? Mono.error(new RetryableConflict("what run 1 decided on changed")) : Mono.empty())))
                                    .thenReturn(Map.of("runs", run));
                        })
                .contextWrite(context -> context.put(ServerWebExchangeContextFilter.EXCHANGE_CONTEXT_ATTRIBUTE, exchange(key)))
                .block();

        assertThat(runs).hasValue(2);
        assertThat(answer.getBody()).isEqualTo("{\"runs\":2}");
        assertThat(answersSeenByTheLastWrites).as("each run's last writes saw its answer stored").containsExactly("{\"runs\":1}", "{\"runs\":2}");
        assertThat(markers(marker)).as("run 1 was rolled back whole, its last writes too").containsExactly(marker + "-2-command", marker + "-2-last");
        assertThat(storedAnswer(key).block()).isEqualTo("{\"runs\":2}");
    }

    private Mono<Void> mark(String marker) {
        return db.sql("INSERT INTO idempotency_keys (scope, idempotency_key, request_hash) VALUES ('test', :marker, '\\x00')")
                .bind("marker", marker).then();
    }

    private Mono<String> storedAnswer(String key) {
        return db.sql("SELECT response_body FROM idempotency_keys WHERE idempotency_key = :key AND scope LIKE 'admin%'")
                .bind("key", key).map(row -> row.get("response_body", String.class)).one();
    }

    @Test
    void otherFailuresAreNotRetriedAndDeadlocksOnlyABoundedNumberOfTimes() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> commands.run(CommandScope.admin(), null, HttpStatus.OK, () -> {
                    runs.incrementAndGet();
                    return fail("23505");
                })
                .contextWrite(context -> context.put(ServerWebExchangeContextFilter.EXCHANGE_CONTEXT_ATTRIBUTE, exchange(null)))
                .block());
        assertThat(runs).hasValue(1);

        runs.set(0);
        assertThatThrownBy(() -> commands.run(CommandScope.admin(), null, HttpStatus.OK, () -> {
                    runs.incrementAndGet();
                    return fail("40P01");
                })
                .contextWrite(context -> context.put(ServerWebExchangeContextFilter.EXCHANGE_CONTEXT_ATTRIBUTE, exchange(null)))
                .block())
                .satisfies(failure -> assertThat(CommandRetry.retryable(failure)).isTrue());
        assertThat(runs).hasValue(1 + CommandRetry.ATTEMPTS);
    }

    /** PostgreSQL itself raises the error, so the driver and Spring wrap it as they would a real deadlock. */
    private Mono<Void> fail(String sqlState) {
        return db.sql("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '" + sqlState + "', MESSAGE = 'raised by the test'; END $$").then();
    }

    private List<String> markers(String marker) {
        return db.sql("SELECT idempotency_key FROM idempotency_keys WHERE scope = 'test' AND idempotency_key LIKE :marker ORDER BY 1")
                .bind("marker", marker + "-%").map(row -> row.get(0, String.class)).all().collectList().block();
    }

    private static MockServerWebExchange exchange(String key) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post("/test/commands");
        if (key != null) {
            request.header(Commands.KEY_HEADER, key);
        }
        return MockServerWebExchange.from(request);
    }

}
