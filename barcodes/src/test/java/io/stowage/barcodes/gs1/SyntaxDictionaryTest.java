package io.stowage.barcodes.gs1;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntaxDictionaryTest {

    @Test
    void theBundledTableLoadsAndEveryLinterItNamesIsImplemented() throws IOException {
        SyntaxDictionary dictionary = SyntaxDictionary.instance();
        assertThat(dictionary.definitions()).hasSizeGreaterThan(400);

        Set<String> referenced = new TreeSet<>();
        dictionary.definitions().forEach(definition ->
                definition.components().forEach(component -> referenced.addAll(component.linters())));
        assertThat(referenced).isNotEmpty().allMatch(Linters::exists);
        // Read the raw file too, so a linter the loader failed to pick up cannot hide.
        assertThat(linterNamesInRawFile()).isEqualTo(referenced);
    }

    @Test
    void anUnknownLinterStopsTheTableFromLoading() {
        String entry = "99            X..90,nosuchlinter                                           # INTERNAL\n";
        assertThatThrownBy(() -> SyntaxDictionary.parse(new StringReader(entry)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nosuchlinter")
                .hasMessageContaining("AI 99");
    }

    @Test
    void aComponentThatCannotBeReadStopsTheTableFromLoading() {
        String entry = "99            X..90,bad-linter                                             # INTERNAL\n";
        assertThatThrownBy(() -> SyntaxDictionary.parse(new StringReader(entry)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("X..90,bad-linter");
    }

    @Test
    void aLinterThatIsNotImplementedNeverPasses() {
        assertThatThrownBy(() -> Linters.problem("nosuchlinter", "x")).isInstanceOf(IllegalStateException.class);
    }

    private static Set<String> linterNamesInRawFile() throws IOException {
        try (InputStream in = SyntaxDictionary.class.getResourceAsStream("gs1-syntax-dictionary.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            Set<String> names = new TreeSet<>();
            Pattern component = Pattern.compile("(?m)^[0-9][^#\\n]*");
            Matcher line = component.matcher(text);
            Pattern linters = Pattern.compile("[\\[]?[NXYZ](?:\\.\\.)?\\d+]?((?:,[a-z0-9]+)+)");
            while (line.find()) {
                Matcher matcher = linters.matcher(line.group());
                while (matcher.find()) {
                    for (String name : matcher.group(1).substring(1).split(",")) {
                        names.add(name);
                    }
                }
            }
            return names;
        }
    }
}
