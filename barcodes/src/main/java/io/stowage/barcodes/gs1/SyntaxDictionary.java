package io.stowage.barcodes.gs1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GS1 Barcode Syntax Dictionary, read from the bundled copy of GS1's text file the first
 * time an AI is looked up. Keeping GS1's own file, rather than a hand-written table, lets a
 * newer release be dropped in without code changes.
 */
final class SyntaxDictionary {

    private static final String RESOURCE = "gs1-syntax-dictionary.txt";
    private static final String FLAG_CHARACTERS = "*!?\"$%&'()+,-./:;<=>@[\\]^_`{|}~";
    private static final Pattern COMPONENT =
            Pattern.compile("(\\[)?([NXYZ])(\\.\\.)?(\\d+)(])?((?:,[A-Za-z0-9]+)*)");

    private static final Pattern LOOKS_LIKE_COMPONENT = Pattern.compile("\\[?[NXYZ](\\.\\.)?\\d");

    private final Map<String, AiDefinition> definitions;

    private SyntaxDictionary(Map<String, AiDefinition> definitions) {
        this.definitions = definitions;
    }

    /** The dictionary, loaded once on first use. */
    static SyntaxDictionary instance() {
        return Holder.INSTANCE;
    }

    Optional<AiDefinition> find(String ai) {
        return Optional.ofNullable(definitions.get(ai));
    }

    AiDefinition require(String ai) {
        return find(ai).orElseThrow(() -> new InvalidBarcodeException("AI (" + ai
                + ") is not a GS1 Application Identifier"));
    }

    /**
     * The AI that {@code data} starts with at {@code offset}. GS1 allocates AIs so that no AI is a
     * prefix of another, so trying lengths 2 to 4 finds at most one.
     */
    Optional<AiDefinition> matchAt(String data, int offset) {
        for (int length = 2; length <= 4 && offset + length <= data.length(); length++) {
            AiDefinition definition = definitions.get(data.substring(offset, offset + length));
            if (definition != null) {
                return Optional.of(definition);
            }
        }
        return Optional.empty();
    }

    private static final class Holder {
        private static final SyntaxDictionary INSTANCE = load();
    }

    private static SyntaxDictionary load() {
        try (InputStream in = SyntaxDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("GS1 syntax dictionary resource " + RESOURCE + " is missing");
            }
            return parse(new InputStreamReader(in, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read GS1 syntax dictionary", e);
        }
    }

    /**
     * Reads a dictionary in GS1's text format.
     *
     * @throws IllegalStateException when an entry names a linter that is not implemented: an
     *                               unknown check must stop the table from loading, not pass
     */
    static SyntaxDictionary parse(Reader text) throws IOException {
        BufferedReader reader = new BufferedReader(text);
        Map<String, AiDefinition> definitions = new HashMap<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            parseLine(line, lineNumber, definitions);
        }
        return new SyntaxDictionary(Map.copyOf(definitions));
    }

    /** Every AI the dictionary defines, for checks over the whole table. */
    Collection<AiDefinition> definitions() {
        return definitions.values();
    }

    private static void parseLine(String line, int lineNumber, Map<String, AiDefinition> definitions) {
        int hash = line.indexOf('#');
        String body = (hash >= 0 ? line.substring(0, hash) : line).trim();
        if (body.isEmpty()) {
            return;
        }
        String title = hash >= 0 ? line.substring(hash + 1).trim() : "";
        List<String> tokens = new ArrayList<>(Arrays.asList(body.split("\\s+")));
        String ais = tokens.remove(0);
        String flags = !tokens.isEmpty() && isFlags(tokens.get(0)) ? tokens.remove(0) : "";
        List<AiComponent> components = new ArrayList<>();
        Optional<List<List<String>>> qualifiers = Optional.empty();
        List<List<List<String>>> requires = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        for (String token : tokens) {
            Matcher matcher = COMPONENT.matcher(token);
            if (matcher.matches()) {
                AiComponent component = component(matcher);
                for (String linter : component.linters()) {
                    if (!Linters.exists(linter)) {
                        throw new IllegalStateException("GS1 syntax dictionary line " + lineNumber + " (AI " + ais
                                + ") names linter '" + linter + "', which is not implemented");
                    }
                }
                components.add(component);
            } else if (token.equals("dlpkey")) {
                qualifiers = Optional.of(List.of(List.of()));
            } else if (token.startsWith("dlpkey=")) {
                qualifiers = Optional.of(Arrays.stream(token.substring("dlpkey=".length()).split("\\|"))
                        .map(sequence -> List.of(sequence.split(",")))
                        .toList());
            } else if (token.startsWith("req=")) {
                requires.add(Arrays.stream(token.substring("req=".length()).split(","))
                        .map(alternative -> List.of(alternative.split("\\+")))
                        .toList());
            } else if (token.startsWith("ex=")) {
                excludes.addAll(List.of(token.substring("ex=".length()).split(",")));
            } else if (LOOKS_LIKE_COMPONENT.matcher(token).lookingAt()) {
                throw new IllegalStateException("GS1 syntax dictionary line " + lineNumber + " (AI " + ais
                        + ") has component '" + token + "' that cannot be read");
            }
        }
        for (String ai : expandRange(ais)) {
            definitions.put(ai, new AiDefinition(ai, flags.indexOf('*') >= 0, flags.indexOf('?') >= 0,
                    components, qualifiers, requires, excludes, title));
        }
    }

    private static AiComponent component(Matcher matcher) {
        boolean optional = matcher.group(1) != null;
        CharacterSet characterSet = CharacterSet.valueOf(matcher.group(2));
        boolean variable = matcher.group(3) != null;
        int length = Integer.parseInt(matcher.group(4));
        List<String> linters = matcher.group(6).isEmpty() ? List.of()
                : List.of(matcher.group(6).substring(1).split(","));
        return new AiComponent(characterSet, variable ? 1 : length, length, optional, linters);
    }

    private static boolean isFlags(String token) {
        return token.chars().allMatch(c -> FLAG_CHARACTERS.indexOf(c) >= 0);
    }

    private static List<String> expandRange(String ais) {
        int dash = ais.indexOf('-');
        if (dash < 0) {
            return List.of(ais);
        }
        String first = ais.substring(0, dash);
        int from = Integer.parseInt(first);
        int to = Integer.parseInt(ais.substring(dash + 1));
        List<String> expanded = new ArrayList<>();
        for (int ai = from; ai <= to; ai++) {
            String text = Integer.toString(ai);
            expanded.add("0".repeat(first.length() - text.length()) + text);
        }
        return expanded;
    }
}
