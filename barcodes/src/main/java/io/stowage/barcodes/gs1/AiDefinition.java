package io.stowage.barcodes.gs1;

import java.util.List;
import java.util.Optional;

/**
 * What the GS1 Barcode Syntax Dictionary says about one Application Identifier.
 *
 * @param predefinedLength      the AI has a fixed length and needs no FNC1 separator after it
 * @param digitalLinkAttribute  the AI may appear in the query string of a GS1 Digital Link URI
 * @param digitalLinkQualifiers empty when the AI is not a Digital Link primary key; otherwise
 *                              the alternative ordered qualifier sequences (possibly one empty one)
 * @param requires              each entry is one {@code req=} attribute: a list of alternatives,
 *                              each alternative a list of AI patterns that must all be present
 * @param excludes              AI patterns that must not appear together with this AI
 */
record AiDefinition(String ai, boolean predefinedLength, boolean digitalLinkAttribute,
                    List<AiComponent> components, Optional<List<List<String>>> digitalLinkQualifiers,
                    List<List<List<String>>> requires, List<String> excludes, String title) {

    AiDefinition {
        components = List.copyOf(components);
        requires = List.copyOf(requires);
        excludes = List.copyOf(excludes);
    }

    /** Whether {@code otherAi} matches a dictionary pattern such as {@code 310n} or {@code 35nn}. */
    static boolean matchesPattern(String otherAi, String pattern) {
        if (otherAi.length() != pattern.length()) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) != 'n' && pattern.charAt(i) != otherAi.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    boolean digitalLinkPrimaryKey() {
        return digitalLinkQualifiers.isPresent();
    }

    /** The total data length of a predefined-length AI. */
    int fixedLength() {
        return components.stream().mapToInt(AiComponent::maxLength).sum();
    }

    /** Checks a value against every component and its linters, consuming the value left to right. */
    void validate(String value) {
        if (value.isEmpty()) {
            throw invalid(value, "is empty");
        }
        int position = 0;
        for (AiComponent component : components) {
            int remaining = value.length() - position;
            if (remaining == 0) {
                if (component.optional()) {
                    break;
                }
                throw invalid(value, "is too short: expected " + describeLength());
            }
            int take = component.fixedLength() ? component.maxLength() : Math.min(remaining, component.maxLength());
            if (take > remaining) {
                throw invalid(value, "is too short: expected " + describeLength());
            }
            String part = value.substring(position, position + take);
            for (int i = 0; i < part.length(); i++) {
                if (!component.characterSet().accepts(part.charAt(i))) {
                    throw invalid(value, "contains '" + part.charAt(i) + "', not allowed in "
                            + component.characterSet().description() + " data");
                }
            }
            for (String linter : component.linters()) {
                Optional<String> problem = Linters.problem(linter, part);
                if (problem.isPresent()) {
                    throw invalid(value, problem.get());
                }
            }
            position += take;
        }
        if (position < value.length()) {
            throw invalid(value, "is too long: expected " + describeLength());
        }
    }

    private String describeLength() {
        int min = components.stream().filter(c -> !c.optional()).mapToInt(AiComponent::minLength).sum();
        int max = components.stream().mapToInt(AiComponent::maxLength).sum();
        return min == max ? min + " characters" : min + " to " + max + " characters";
    }

    private InvalidBarcodeException invalid(String value, String reason) {
        return new InvalidBarcodeException("AI (" + ai + ") " + title + ": value '" + value + "' " + reason);
    }
}
