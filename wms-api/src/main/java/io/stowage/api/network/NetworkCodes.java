package io.stowage.api.network;

/**
 * Patterns for node, zone and location codes. Codes are upper case so that a typed code and a
 * scanned one always match, and URL-safe because they appear in paths.
 */
final class NetworkCodes {

    static final String CODE = "[A-Z0-9]+([-_.][A-Z0-9]+)*";
    static final String CODE_MESSAGE = "must be upper-case letters and digits, optionally separated by '-', '_' or '.'";

    private NetworkCodes() {
    }
}
