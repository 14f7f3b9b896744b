package io.stowage.barcodes.gs1;

import java.util.List;

/**
 * One component of an AI's data field, for example {@code N6,yymmd0} or {@code [X..17]}.
 *
 * @param linters the names of the content checks the Syntax Dictionary asks for
 */
record AiComponent(CharacterSet characterSet, int minLength, int maxLength, boolean optional,
                   List<String> linters) {

    AiComponent {
        linters = List.copyOf(linters);
    }

    boolean fixedLength() {
        return minLength == maxLength;
    }
}
