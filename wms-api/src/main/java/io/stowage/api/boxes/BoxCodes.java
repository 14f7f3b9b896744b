package io.stowage.api.boxes;

import io.stowage.api.problem.ApiProblem;
import java.util.regex.Pattern;

/** What a box type's code may look like: it is printed on a barcode the packer scans, and sits in a URL path. */
final class BoxCodes {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    private BoxCodes() {
    }

    static String check(String code) {
        if (code == null || !VALID.matcher(code).matches()) {
            throw ApiProblem.invalid("code", "must be 1 to 40 letters, digits, '.', '_' or '-'");
        }
        return code;
    }
}
