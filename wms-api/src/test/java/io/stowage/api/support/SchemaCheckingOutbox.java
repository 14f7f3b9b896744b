package io.stowage.api.support;

import io.stowage.api.outbox.Outbox;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox of every test context: before an event is written it is checked against its
 * published schema, as the JSON that will be stored. A mismatch, or a type without a schema, fails
 * the write and is kept for {@link EventSchemas#assertNoViolations()}, which {@link ApiTest} calls
 * after each test, so events written by background work are caught too. Checked when the write is
 * subscribed to, as an event built but never written is not emitted.
 */
class SchemaCheckingOutbox extends Outbox {

    private final JsonMapper json;

    SchemaCheckingOutbox(DatabaseClient db, JsonMapper json) {
        super(db, json);
        this.json = json;
    }

    @Override
    public Mono<Void> append(UUID merchantId, String type, String subject, Object payload) {
        return Mono.defer(() -> {
            check(type, payload);
            return super.append(merchantId, type, subject, payload);
        });
    }

    /** Several events written in one statement are checked one by one, as if appended one at a time. */
    @Override
    public Mono<Void> appendAll(UUID merchantId, List<Event> events) {
        return Mono.defer(() -> {
            events.forEach(event -> check(event.type(), event.payload()));
            return super.appendAll(merchantId, events);
        });
    }

    /** Events appended by a part of the caller's statement are checked when the part is made, before the statement runs. */
    @Override
    public Part appending(UUID merchantId, List<Event> events) {
        events.forEach(event -> check(event.type(), event.payload()));
        return super.appending(merchantId, events);
    }

    private void check(String type, Object payload) {
        String stored = json.writeValueAsString(payload);
        List<String> problems = EventSchemas.problems(type, json.readTree(stored));
        if (!problems.isEmpty()) {
            String violation = type + " " + stored + ": " + String.join("; ", problems);
            EventSchemas.record(violation);
            throw new AssertionError("event does not match its schema: " + violation);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        @Primary
        Outbox schemaCheckingOutbox(DatabaseClient db, JsonMapper json) {
            return new SchemaCheckingOutbox(db, json);
        }
    }
}
