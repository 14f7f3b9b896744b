package io.stowage.api.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.outbox.Outbox;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tests' outbox refuses, and remembers, events that do not match their published schema. Isolated: it
 * fills and empties EventSchemas' one violation list, which every HTTP test running beside it checks after each test.
 */
@Isolated
class SchemaCheckingOutboxTest {

    // No database: a refused event fails before anything is written.
    private final SchemaCheckingOutbox outbox = new SchemaCheckingOutbox(null, JsonMapper.builder().build());

    @Test
    void aPayloadThatDriftedFromItsSchemaFailsTheWriteAndTheTest() {
        assertThatThrownBy(() -> outbox.append(UUID.randomUUID(), "order.allocated", "o-1",
                Map.of("order_id", UUID.randomUUID(), "complete", true, "lines", 3)).block())
                .hasMessageContaining("order.allocated").hasMessageContaining("lines");

        assertThatThrownBy(EventSchemas::assertNoViolations).isInstanceOf(AssertionError.class)
                .hasMessageContaining("do not match their schemas").hasMessageContaining("lines");
    }

    @Test
    void everyEventOfSeveralWrittenInOneStatementIsChecked() {
        UUID order = UUID.randomUUID();
        assertThatThrownBy(() -> outbox.appendAll(UUID.randomUUID(), List.of(
                new Outbox.Event("order.status_changed", order.toString(), Map.of("order_id", order, "from", "accepted", "to", "allocated")),
                new Outbox.Event("order.allocated", order.toString(), Map.of("order_id", order, "complete", true, "lines", 3)))).block())
                .hasMessageContaining("order.allocated").hasMessageContaining("lines");

        assertThatThrownBy(EventSchemas::assertNoViolations).hasMessageContaining("lines");
    }

    @Test
    void anEventTypeWithoutASchemaFailsTheWriteAndTheTest() {
        assertThatThrownBy(() -> outbox.append(UUID.randomUUID(), "order.teleported", "o-1", Map.of()).block())
                .hasMessageContaining("has no schema");

        assertThatThrownBy(EventSchemas::assertNoViolations).hasMessageContaining("order.teleported");
    }

    @Test
    void nothingIsCheckedUntilTheWriteIsSubscribedTo() {
        outbox.append(UUID.randomUUID(), "order.teleported", "o-1", Map.of());

        EventSchemas.assertNoViolations();
    }
}
