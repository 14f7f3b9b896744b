package io.stowage.api.network;

import java.util.HashMap;
import java.util.Map;

/** Request bodies the network tests share. */
final class NetworkFixtures {

    private NetworkFixtures() {
    }

    static Map<String, Object> node(String code, String kind, double latitude, double longitude) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("kind", kind);
        body.put("name", "Node " + code);
        body.put("address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius", "postal_code", "01103", "country", "LT"));
        body.put("latitude", latitude);
        body.put("longitude", longitude);
        body.put("time_zone", "Europe/Vilnius");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }
}
