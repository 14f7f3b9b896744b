package io.stowage.api.commands;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One text per meaning: object keys sorted, numbers in their shortest plain decimal form (1, 1.0 and
 * 1e0 are all "1"), no whitespace. Two instances, or one instance before and after a restart, hash
 * the same request to the same bytes whatever order a map happened to iterate in.
 */
final class CanonicalJson {

    private CanonicalJson() {
    }

    static String write(JsonMapper json, JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(json, node, out);
        return out.toString();
    }

    private static void write(JsonMapper json, JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>(node.propertyNames());
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(json.writeValueAsString(names.get(i))).append(':');
                write(json, node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(json, node.get(i), out);
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else {
            out.append(json.writeValueAsString(node));
        }
    }
}
