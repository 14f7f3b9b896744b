package io.stowage.api.problem;

/** Field names in problems use the same snake_case as the JSON the client sent. */
final class JsonNames {

    private JsonNames() {
    }

    static String snakeCase(String javaPath) {
        StringBuilder out = new StringBuilder(javaPath.length() + 8);
        for (char c : javaPath.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
