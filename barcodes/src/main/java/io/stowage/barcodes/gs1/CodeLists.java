package io.stowage.barcodes.gs1;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The code lists some linters check against, bundled as text files beside the Syntax Dictionary
 * (one code per word, {@code #} starts a comment) so that a list can be updated without code.
 */
final class CodeLists {

    static final Set<String> ISO_3166_NUMERIC = load("iso3166-numeric.txt");
    static final Set<String> ISO_3166_ALPHA_2 = load("iso3166-alpha2.txt");
    static final Set<String> ISO_4217_NUMERIC = load("iso4217-numeric.txt");
    static final Set<String> PACKAGE_TYPES = load("package-types.txt");

    private CodeLists() {
    }

    private static Set<String> load(String resource) {
        try (InputStream in = CodeLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("GS1 code list resource " + resource + " is missing");
            }
            Set<String> codes = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = reader.readLine()) != null) {
                int hash = line.indexOf('#');
                String body = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!body.isEmpty()) {
                    codes.addAll(Arrays.asList(body.split("\\s+")));
                }
            }
            return Set.copyOf(codes);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read GS1 code list " + resource, e);
        }
    }
}
