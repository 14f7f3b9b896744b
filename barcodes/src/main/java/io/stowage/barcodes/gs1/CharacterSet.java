package io.stowage.barcodes.gs1;

/** The character sets a GS1 AI component may be drawn from, as named by the Syntax Dictionary. */
enum CharacterSet {
    /** Digits only. */
    N("numeric"),
    /** GS1 AI encodable character set 82: digits, letters and a few punctuation marks. */
    X("CSET 82"),
    /** GS1 AI encodable character set 39: digits, upper-case letters, '#', '-' and '/'. */
    Y("CSET 39"),
    /** The URL-safe base64 alphabet. */
    Z("base64url");

    private static final String CSET_82_PUNCTUATION = "!\"%&'()*+,-./:;<=>?_";
    private static final String CSET_39_PUNCTUATION = "#-/";

    private final String description;

    CharacterSet(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    boolean accepts(char c) {
        boolean digit = c >= '0' && c <= '9';
        boolean upper = c >= 'A' && c <= 'Z';
        boolean lower = c >= 'a' && c <= 'z';
        return switch (this) {
            case N -> digit;
            case X -> digit || upper || lower || CSET_82_PUNCTUATION.indexOf(c) >= 0;
            case Y -> digit || upper || CSET_39_PUNCTUATION.indexOf(c) >= 0;
            case Z -> digit || upper || lower || c == '-' || c == '_' || c == '=';
        };
    }
}
