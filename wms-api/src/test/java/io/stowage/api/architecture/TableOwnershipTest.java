package io.stowage.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every table has one owning feature package (the list in {@code docs/architecture.md}); SQL outside
 * that package must not name the table: other features ask the owner's published query class.
 * Violations that predate the rule are listed in {@code architecture/known-table-violations.txt};
 * the list may only shrink: a new violation fails, and so does an entry that is no longer one.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/io/stowage/api");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path ARCHITECTURE = Path.of("../docs/architecture.md");
    private static final Path KNOWN_VIOLATIONS = Path.of("src/test/resources/architecture/known-table-violations.txt");

    private static final Pattern CREATED = Pattern.compile("(?i)CREATE\\s+(?:TABLE|(?:OR\\s+REPLACE\\s+)?VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");
    private static final Pattern DROPPED = Pattern.compile("(?i)DROP\\s+(?:TABLE|VIEW)\\s+(?:IF\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");
    private static final String OWNERSHIP_HEADING = "## Table ownership";
    private static final Pattern OWNER_ROW = Pattern.compile("^\\|\\s*`([a-z_][a-z0-9_]*)`\\s*\\|\\s*`([a-z]+)`\\s*\\|.*$", Pattern.MULTILINE);

    @Test
    void everyTableHasExactlyOneOwningFeatureThatExists() throws IOException {
        Map<String, String> owners = owners();
        assertThat(owners.keySet())
                .as("tables in the migrations and in the ownership list of docs/architecture.md")
                .containsExactlyInAnyOrderElementsOf(tables());
        assertThat(new TreeSet<>(owners.values()))
                .allSatisfy(owner -> assertThat(SOURCES.resolve(owner)).as("owning package " + owner).isDirectory());
    }

    @Test
    void sqlOutsideTheOwningFeatureNamesNoTableOfIt() throws IOException {
        Set<String> found = violations();
        Set<String> known = known();
        Set<String> added = new TreeSet<>(found);
        added.removeAll(known);
        assertThat(added)
                .as("SQL that names another feature's table: call the owner's published query class instead"
                        + " (file -> table (owner)); see docs/architecture.md")
                .isEmpty();
    }

    @Test
    void theListOfKnownViolationsOnlyShrinks() throws IOException {
        Set<String> gone = new TreeSet<>(known());
        gone.removeAll(violations());
        assertThat(gone)
                .as("entries of " + KNOWN_VIOLATIONS + " that are fixed: delete them so they cannot come back")
                .isEmpty();
    }

    @Test
    void theOwnershipTableIsReadAsOneTableAndASplitIsRefused() {
        String header = "## Table ownership\n\n| Table | Owning package | Published |\n|---|---|---|\n";
        String whole = header + "| `lots` | `inventory` | x |\n| `orders` | `orders` | y |\n\n## Next\n\n| `nodes` | `network` | z |\n";
        assertThat(ownershipTable(whole)).containsExactly(Map.entry("lots", "inventory"), Map.entry("orders", "orders"));

        String split = header + "| `lots` | `inventory` | x |\n\n| `orders` | `orders` | y |\n\n## Next\n";
        assertThatThrownBy(() -> ownershipTable(split))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("one table");
    }

    @Test
    void everyFormOfSqlTheServiceWritesIsRead() {
        Set<String> known = Set.of("variants", "orders", "lots", "nodes", "stock_levels");
        String java = """
                class X {
                    // SELECT * FROM nodes in a comment does not count
                    String a = "SELECT v.id FROM variants v JOIN orders o ON o.id = v.id";
                    String b = \"""
                            UPDATE stock_levels SET on_hand = 1
                            \""";
                    String c = "SELECT l.id FROM lots l, orders o WHERE l.x = o.y";
                    String d = "INSERT INTO lots (id) VALUES (1)";
                    String e = "units taken from variants of a merchant, orders and nodes";
                }
                """;
        assertThat(SqlTableReferences.stringLiterals(java)).hasSize(5);
        assertThat(tablesIn(java, known)).containsExactly("lots", "orders", "stock_levels", "variants");
        assertThat(tablesIn("String s = \"SELECT 1 FROM due, nodes n WHERE true\";", known)).containsExactly("nodes");
        assertThat(tablesIn("String s = \"DELETE FROM orders WHERE id IN (SELECT id FROM variants)\";", known)).containsExactly("orders", "variants");
    }

    private static Set<String> tablesIn(String java, Set<String> known) {
        try {
            Path file = Files.createTempFile("sql", ".java");
            try {
                Files.writeString(file, java);
                return SqlTableReferences.tablesNamedIn(file, known);
            } finally {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code package/File.java -> table (owner)} for every table a file names that its package does not own. */
    private static Set<String> violations() throws IOException {
        Map<String, String> owners = owners();
        Set<String> violations = new TreeSet<>();
        for (Path source : SqlTableReferences.javaSources(SOURCES)) {
            Path relative = SOURCES.relativize(source);
            String feature = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
            for (String table : SqlTableReferences.tablesNamedIn(source, owners.keySet())) {
                if (!owners.get(table).equals(feature)) {
                    violations.add(relative.toString().replace('\\', '/') + " -> " + table + " (" + owners.get(table) + ")");
                }
            }
        }
        return violations;
    }

    private static Set<String> known() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String line : Files.readAllLines(KNOWN_VIOLATIONS)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                known.add(line.strip());
            }
        }
        return known;
    }

    static Map<String, String> owners() throws IOException {
        return ownershipTable(Files.readString(ARCHITECTURE));
    }

    /**
     * The rows of the one table under "## Table ownership". A blank line inside it would end the
     * Markdown table there and show the rest as loose text, so every table row of the section must
     * belong to the first table's unbroken run of lines.
     */
    static Map<String, String> ownershipTable(String markdown) {
        List<String> section = ownershipSection(markdown);
        int first = 0;
        while (first < section.size() && !section.get(first).startsWith("|")) {
            first++;
        }
        int end = first;
        while (end < section.size() && section.get(end).startsWith("|")) {
            end++;
        }
        assertThat(section.subList(end, section.size()))
                .as("the table ownership section of docs/architecture.md is one table:"
                        + " no blank line or text between its rows")
                .noneMatch(line -> line.startsWith("|"));
        Map<String, String> owners = new TreeMap<>();
        for (String line : section.subList(first, end)) {
            Matcher row = OWNER_ROW.matcher(line);
            if (row.matches()) {
                String previous = owners.put(row.group(1), row.group(2));
                assertThat(previous).as("table " + row.group(1) + " is listed once in docs/architecture.md").isNull();
            }
        }
        return owners;
    }

    private static List<String> ownershipSection(String markdown) {
        List<String> lines = markdown.lines().toList();
        int heading = lines.indexOf(OWNERSHIP_HEADING);
        assertThat(heading).as("docs/architecture.md has the section " + OWNERSHIP_HEADING).isNotNegative();
        int next = heading + 1;
        while (next < lines.size() && !lines.get(next).startsWith("## ")) {
            next++;
        }
        return lines.subList(heading + 1, next);
    }

    private static Set<String> tables() throws IOException {
        Map<String, Boolean> tables = new LinkedHashMap<>();
        List<Path> migrations;
        try (var files = Files.list(MIGRATIONS)) {
            migrations = files.filter(path -> path.toString().endsWith(".sql"))
                    .sorted((x, y) -> Integer.compare(version(x), version(y)))
                    .toList();
        }
        for (Path migration : migrations) {
            String sql = Files.readString(migration);
            Matcher created = CREATED.matcher(sql);
            while (created.find()) {
                tables.put(created.group(1).toLowerCase(), true);
            }
            Matcher dropped = DROPPED.matcher(sql);
            while (dropped.find()) {
                tables.remove(dropped.group(1).toLowerCase());
            }
        }
        return new TreeSet<>(tables.keySet());
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")).replace("_", "").replace(".", ""));
    }
}
