package io.stowage.api.catalog;

import java.util.regex.Pattern;

/** What a SKU or product code may look like: safe in a URL path segment, a label and a CSV cell. */
final class Skus {

    static final String PATTERN = "[A-Za-z0-9._/-]{1,64}";
    static final String MESSAGE = "must be 1 to 64 characters of letters, digits, '.', '_', '/' or '-'";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Skus() {
    }

    static boolean isValid(String code) {
        return code != null && COMPILED.matcher(code).matches();
    }
}
