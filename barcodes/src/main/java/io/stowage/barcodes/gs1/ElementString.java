package io.stowage.barcodes.gs1;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A validated sequence of GS1 Application Identifier elements, the data carried by GS1-128,
 * GS1 DataMatrix and GS1 QR symbols. Every element is checked against the GS1 Barcode Syntax
 * Dictionary: the AI must exist, and its value must have the right characters, length, check
 * digit and date.
 */
public record ElementString(List<AiElement> elements) {

    /** ASCII group separator, which scanners transmit in place of an FNC1 separator. */
    public static final char GROUP_SEPARATOR = '\u001d';

    public ElementString {
        elements = List.copyOf(elements);
        if (elements.isEmpty()) {
            throw new InvalidBarcodeException("A GS1 element string needs at least one AI");
        }
        Set<String> seen = new HashSet<>();
        for (AiElement element : elements) {
            SyntaxDictionary.instance().require(element.ai()).validate(element.value());
            if (!seen.add(element.ai())) {
                throw new InvalidBarcodeException("AI (" + element.ai() + ") appears more than once");
            }
        }
        requireNoExcludedPairs(elements);
    }

    /** Builds and validates an element string from elements, in the given order. */
    public static ElementString of(AiElement... elements) {
        return new ElementString(List.of(elements));
    }

    /**
     * Parses the human-readable form, for example {@code (01)09506000134352(17)201225(10)ABC123}.
     * A literal parenthesis inside a value is written {@code \(} or {@code \)}.
     */
    public static ElementString parseBracketed(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidBarcodeException("GS1 element string is empty");
        }
        String input = text.trim();
        if (input.charAt(0) != '(') {
            throw new InvalidBarcodeException("GS1 element string '" + input + "' must start with '(AI)'");
        }
        List<AiElement> elements = new ArrayList<>();
        int position = 0;
        while (position < input.length()) {
            int close = input.indexOf(')', position);
            if (close < 0) {
                throw new InvalidBarcodeException("GS1 element string '" + input + "' has an unclosed '('");
            }
            String ai = input.substring(position + 1, close);
            if (ai.length() < 2 || ai.length() > 4 || !Gs1CheckDigit.isAllDigits(ai)) {
                throw new InvalidBarcodeException("'(" + ai + ")' is not a GS1 Application Identifier");
            }
            StringBuilder value = new StringBuilder();
            position = close + 1;
            while (position < input.length() && input.charAt(position) != '(') {
                char c = input.charAt(position);
                if (c == '\\' && position + 1 < input.length()
                        && (input.charAt(position + 1) == '(' || input.charAt(position + 1) == ')')) {
                    position++;
                    c = input.charAt(position);
                }
                value.append(c);
                position++;
            }
            elements.add(new AiElement(ai, value.toString()));
        }
        return new ElementString(elements);
    }

    /**
     * Parses the data as a scanner transmits it: AIs run together, with ASCII 29 (GS) where the
     * symbol had an FNC1 separator; a leading GS standing for FNC1 in first position is skipped.
     * A leading AIM symbology identifier is honoured: GS1 symbols ({@code ]C1}, {@code ]e0},
     * {@code ]d2}, {@code ]Q3}, {@code ]J1}) are parsed as element strings, EAN/UPC and ITF-14
     * reads ({@code ]E0}, {@code ]E3}, {@code ]E4}, {@code ]I1}) become a GTIN (01) after their
     * check digit is verified, and any other identifier is refused.
     *
     * @throws UnsupportedSymbologyException for an identifier of a symbol that carries no GS1 data
     * @throws InvalidBarcodeException       for data that is not valid for its symbology
     */
    public static ElementString parseUnbracketed(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidBarcodeException("GS1 data is empty");
        }
        if (ScannedData.startsWithIdentifier(raw)) {
            return ScannedData.parse(raw);
        }
        return parseAiData(raw, raw);
    }

    /** AI data without a symbology identifier; {@code scan} is the whole scan, for messages. */
    static ElementString parseAiData(String data, String scan) {
        String raw = data;
        int position = 0;
        while (position < raw.length() && raw.charAt(position) == GROUP_SEPARATOR) {
            position++;
        }
        SyntaxDictionary dictionary = SyntaxDictionary.instance();
        List<AiElement> elements = new ArrayList<>();
        while (position < raw.length()) {
            int start = position;
            AiDefinition definition = dictionary.matchAt(raw, position).orElseThrow(() ->
                    new InvalidBarcodeException("No GS1 Application Identifier at '"
                            + printable(raw.substring(start, Math.min(raw.length(), start + 4))) + "' in '"
                            + printable(scan) + "'"));
            position += definition.ai().length();
            int end;
            if (definition.predefinedLength()) {
                end = position + definition.fixedLength();
                if (end > raw.length()) {
                    throw new InvalidBarcodeException("AI (" + definition.ai() + ") " + definition.title()
                            + " needs " + definition.fixedLength() + " characters, only "
                            + (raw.length() - position) + " left in '" + printable(scan) + "'");
                }
            } else {
                int separator = raw.indexOf(GROUP_SEPARATOR, position);
                end = separator < 0 ? raw.length() : separator;
            }
            elements.add(new AiElement(definition.ai(), raw.substring(position, end)));
            position = end;
            while (position < raw.length() && raw.charAt(position) == GROUP_SEPARATOR) {
                position++;
            }
        }
        return new ElementString(elements);
    }

    /** Parses a GS1 Digital Link URI such as {@code https://id.gs1.org/01/09506000134352/10/ABC?17=201225}. */
    public static ElementString fromDigitalLink(String uri) {
        return DigitalLink.parse(uri);
    }

    /** This element string as a GS1 Digital Link URI under {@code baseUri}, e.g. {@code https://id.gs1.org}. */
    public String toDigitalLink(String baseUri) {
        return DigitalLink.format(this, baseUri);
    }

    /** The human-readable form, with {@code (AI)} before each value. */
    public String bracketed() {
        StringBuilder text = new StringBuilder();
        for (AiElement element : elements) {
            text.append('(').append(element.ai()).append(')')
                    .append(element.value().replace("(", "\\(").replace(")", "\\)"));
        }
        return text.toString();
    }

    /**
     * The data as encoded in a symbol and sent by a scanner: AIs and values run together, with
     * ASCII 29 after every variable-length element except the last.
     */
    public String unbracketedWithSeparators() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < elements.size(); i++) {
            AiElement element = elements.get(i);
            text.append(element.ai()).append(element.value());
            if (i < elements.size() - 1 && !SyntaxDictionary.instance().require(element.ai()).predefinedLength()) {
                text.append(GROUP_SEPARATOR);
            }
        }
        return text.toString();
    }

    /** The value of {@code ai}, if present. */
    public Optional<String> get(String ai) {
        return elements.stream().filter(e -> e.ai().equals(ai)).map(AiElement::value).findFirst();
    }

    /**
     * The value of a six-digit date AI such as (11) production or (17) expiry, resolved to a date;
     * day 00 gives the last day of the month.
     */
    public Optional<LocalDate> getDate(String ai) {
        return get(ai).map(Gs1Dates::resolve);
    }

    /**
     * Checks the mandatory AI associations of the Syntax Dictionary, for example that a lot (10)
     * comes with a GTIN (01). GS1 evaluates these over all barcodes on one item, and labels often
     * split data over two symbols, so parsing does not enforce them; call this on the data of a
     * complete label, such as one built for printing.
     *
     * @throws InvalidBarcodeException naming the first AI whose required partner is missing
     */
    public void requireMandatoryAssociations() {
        for (AiElement element : elements) {
            AiDefinition definition = SyntaxDictionary.instance().require(element.ai());
            for (List<List<String>> alternatives : definition.requires()) {
                boolean satisfied = alternatives.stream().anyMatch(all -> all.stream().allMatch(this::containsPattern));
                if (!satisfied) {
                    throw new InvalidBarcodeException("AI (" + element.ai() + ") " + definition.title()
                            + " requires " + describe(alternatives) + " in " + bracketed());
                }
            }
        }
    }

    /** Whether the given AI is a predefined-length AI, which needs no FNC1 separator after it. */
    public static boolean isPredefinedLength(String ai) {
        return SyntaxDictionary.instance().require(ai).predefinedLength();
    }

    @Override
    public String toString() {
        return bracketed();
    }

    private static void requireNoExcludedPairs(List<AiElement> elements) {
        for (AiElement element : elements) {
            AiDefinition definition = SyntaxDictionary.instance().require(element.ai());
            for (AiElement other : elements) {
                // The dictionary says an AI never excludes itself, even when it matches a pattern.
                if (other == element) {
                    continue;
                }
                for (String pattern : definition.excludes()) {
                    if (AiDefinition.matchesPattern(other.ai(), pattern)) {
                        throw new InvalidBarcodeException("AI (" + element.ai() + ") " + definition.title()
                                + " must not appear together with AI (" + other.ai() + ")");
                    }
                }
            }
        }
    }

    private boolean containsPattern(String pattern) {
        return elements.stream().anyMatch(e -> AiDefinition.matchesPattern(e.ai(), pattern));
    }

    private static String describe(List<List<String>> alternatives) {
        return alternatives.stream()
                .map(all -> String.join(" with ", all.stream().map(ai -> "(" + ai + ")").toList()))
                .reduce((a, b) -> a + " or " + b)
                .orElse("");
    }

    private static String printable(String text) {
        return text.replace(String.valueOf(GROUP_SEPARATOR), "<GS>");
    }
}
