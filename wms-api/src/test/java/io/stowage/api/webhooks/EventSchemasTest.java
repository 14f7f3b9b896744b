package io.stowage.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.orders.OrderStatus;
import io.stowage.api.orders.ServiceLevel;
import io.stowage.api.support.EventSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The published event schemas (docs/events) against the event types and enumerations in the code. */
class EventSchemasTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyEventTypeHasASchemaAndEverySchemaAnEventType() {
        assertThat(EventSchemas.types()).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
        assertThat(EventSchemas.problems("order.shipped_somewhere", json.readTree("{}")))
                .singleElement().asString().contains("has no schema");
    }

    @Test
    void everySchemaIsValidDraft2020_12() throws IOException {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema metaSchema = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        for (String type : EventTypes.ALL) {
            JsonNode schema = schema(type);
            assertThat(schema.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
            assertThat(schema.path("title").asString()).isEqualTo(type);
            assertThat(metaSchema.validate(schema)).as(type).isEmpty();
        }
    }

    @Test
    void everyObjectIsClosedAndSaysWhatItRequires() throws IOException {
        for (String type : EventTypes.ALL) {
            List<JsonNode> objects = new ArrayList<>();
            collectObjects(schema(type), objects);
            assertThat(objects).as(type).isNotEmpty().allSatisfy(object -> {
                assertThat(object.path("additionalProperties").isBoolean() && !object.path("additionalProperties").asBoolean())
                        .as(type + ": additionalProperties false").isTrue();
                assertThat(object.path("required").isArray() && !object.path("required").isEmpty()).as(type + ": required").isTrue();
            });
        }
    }

    @Test
    void examplesMatchAndStopMatchingWhenAFieldIsDroppedOrAdded() throws IOException {
        for (String type : EventTypes.ALL) {
            JsonNode schema = schema(type);
            assertThat(schema.path("examples")).as(type + " examples").isNotEmpty();
            for (JsonNode example : schema.path("examples")) {
                assertThat(EventSchemas.problems(type, example)).as(type).isEmpty();
                for (JsonNode required : schema.path("required")) {
                    ObjectNode without = (ObjectNode) example.deepCopy();
                    without.remove(required.asString());
                    assertThat(EventSchemas.problems(type, without)).as(type + " without " + required).isNotEmpty();
                }
                ObjectNode extra = (ObjectNode) example.deepCopy();
                extra.put("surprise", 1);
                assertThat(EventSchemas.problems(type, extra)).as(type + " with an unknown field").isNotEmpty();
            }
        }
    }

    @Test
    void typesAndFormatsAreChecked() {
        String order = "0b9f7a52-3c1e-4d8e-9a57-2f1c6f3e8d41";
        assertThat(EventSchemas.problems(EventTypes.ORDER_ALLOCATED, json.readTree("{\"order_id\":\"" + order + "\",\"complete\":\"yes\"}")))
                .isNotEmpty();
        assertThat(EventSchemas.problems(EventTypes.ORDER_ALLOCATED, json.readTree("{\"order_id\":\"not-a-uuid\",\"complete\":true}")))
                .isNotEmpty();
        assertThat(EventSchemas.problems(EventTypes.ORDER_ACCEPTED, json.readTree("{\"order_id\":\"" + order
                + "\",\"channel\":\"web\",\"service_level\":\"standard\",\"lines\":[{\"sku\":\"A\",\"quantity\":1.5}]}"))).isNotEmpty();
    }

    @Test
    void enumerationsAreTheCodes() throws IOException {
        List<String> statuses = Arrays.stream(OrderStatus.values()).map(OrderStatus::db).toList();
        assertThat(strings(schema(EventTypes.ORDER_STATUS_CHANGED).path("properties").path("from").path("enum"))).isEqualTo(statuses);
        assertThat(strings(schema(EventTypes.ORDER_STATUS_CHANGED).path("properties").path("to").path("enum"))).isEqualTo(statuses);
        assertThat(strings(schema(EventTypes.ORDER_CANCELLED).path("properties").path("from").path("enum"))).isEqualTo(statuses);
        assertThat(strings(schema(EventTypes.ORDER_ACCEPTED).path("properties").path("service_level").path("enum")))
                .isEqualTo(Arrays.stream(ServiceLevel.values()).map(ServiceLevel::db).toList());
        List<String> reasons = new ArrayList<>(Arrays.stream(MovementKind.values()).map(MovementKind::db).toList());
        reasons.addAll(List.of("reserved", "released"));
        assertThat(strings(schema(EventTypes.STOCK_LEVEL_CHANGED).path("properties").path("reason").path("enum"))).isEqualTo(reasons);
    }

    private JsonNode schema(String type) throws IOException {
        return json.readTree(Files.readString(EventSchemas.folder().resolve(type + ".json")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static void collectObjects(JsonNode node, List<JsonNode> objects) {
        if (node.isObject()) {
            if ("object".equals(node.path("type").asString(""))) {
                objects.add(node);
            }
            node.properties().forEach(entry -> {
                if (!entry.getKey().equals("examples")) {
                    collectObjects(entry.getValue(), objects);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectObjects(child, objects));
        }
    }
}
