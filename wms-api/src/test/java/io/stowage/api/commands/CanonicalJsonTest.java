package io.stowage.api.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request hash must not depend on the order a map iterates in: {@code Map.of} iterates in an
 * order salted per JVM, so a hash of its plain JSON differs between instances and restarts.
 */
class CanonicalJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theSameRequestWithItsKeysInAnotherOrderIsTheSameText() {
        Map<String, Object> scan = new LinkedHashMap<>();
        scan.put("location_code", "A-01-01-A");
        scan.put("quantity", 2);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("task_id", "7d0c");
        request.put("scan", scan);

        Map<String, Object> reversedScan = new LinkedHashMap<>();
        reversedScan.put("quantity", 2);
        reversedScan.put("location_code", "A-01-01-A");
        Map<String, Object> reversed = new LinkedHashMap<>();
        reversed.put("scan", reversedScan);
        reversed.put("task_id", "7d0c");

        assertThat(canonical(request)).isEqualTo(canonical(reversed))
                .isEqualTo("{\"scan\":{\"location_code\":\"A-01-01-A\",\"quantity\":2},\"task_id\":\"7d0c\"}");
    }

    @Test
    void numbersAreWrittenInOneFormWhateverTheirSpelling() {
        assertThat(canonical(json.readTree("{\"q\": 1.0, \"w\": 1e2, \"l\": [0.50, -0.0]}")))
                .isEqualTo(canonical(json.readTree("{\"l\": [0.5, 0], \"q\": 1, \"w\": 100}")))
                .isEqualTo("{\"l\":[0.5,0],\"q\":1,\"w\":100}");
    }

    @Test
    void stringsKeepTheirCharactersAndEscapes() {
        assertThat(canonical(Map.of("name", "Ona \"Petraitytė\"\n", "list", List.of(true, "x"))))
                .isEqualTo("{\"list\":[true,\"x\"],\"name\":\"Ona \\\"Petraitytė\\\"\\n\"}");
    }

    private String canonical(Object value) {
        return CanonicalJson.write(json, value instanceof JsonNode node ? node : json.valueToTree(value));
    }
}
