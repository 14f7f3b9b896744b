package io.stowage.api.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The published JSON Schemas of the webhook events' payloads ({@code docs/events/<type>.json},
 * draft 2020-12), and the violations the tests' outbox ({@link SchemaCheckingOutbox}) saw. Formats
 * (uuid, date-time) are asserted, not only annotated.
 */
public final class EventSchemas {

    private static final Map<String, Schema> SCHEMAS = load();
    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

    private EventSchemas() {
    }

    /** The folder of the published schemas, found from the module's or the repository's directory. */
    public static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("events");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docs/events folder above " + Path.of("").toAbsolutePath());
    }

    /** Event types that have a published schema. */
    public static List<String> types() {
        return List.copyOf(SCHEMAS.keySet());
    }

    /** What is wrong with the payload for its type; empty when it matches the type's schema. */
    public static List<String> problems(String type, JsonNode payload) {
        Schema schema = SCHEMAS.get(type);
        if (schema == null) {
            return List.of("event type '" + type + "' has no schema in docs/events/" + type + ".json");
        }
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(payload)) {
            problems.add(error.toString());
        }
        return problems;
    }

    static void record(String violation) {
        VIOLATIONS.add(violation);
    }

    /** Fails with every violation seen since the last call, and forgets them. */
    public static void assertNoViolations() {
        if (VIOLATIONS.isEmpty()) {
            return;
        }
        List<String> seen = List.copyOf(VIOLATIONS);
        VIOLATIONS.removeAll(seen);
        throw new AssertionError("events written to the outbox do not match their schemas in docs/events:\n  "
                + String.join("\n  ", seen));
    }

    private static Map<String, Schema> load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        Map<String, Schema> schemas = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString();
                schemas.put(name.substring(0, name.length() - ".json".length()), registry.getSchema(Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }
}
