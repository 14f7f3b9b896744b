package io.stowage.api.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the SQL a source file holds: the string literals and text blocks of the Java source (the
 * service writes its SQL as literals, keywords in capitals) and the tables they name after
 * {@code FROM}, {@code JOIN}, {@code INTO}, {@code UPDATE} or {@code USING}, or in a comma-separated
 * {@code FROM} list. Comments are skipped, so prose that mentions a table does not count.
 */
final class SqlTableReferences {

    private static final Pattern NAMED_AFTER_KEYWORD = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|USING)\\s+(?:ONLY\\s+)?([a-z_][a-z0-9_]*)\\b");
    private static final Pattern NAMED_IN_FROM_LIST = Pattern.compile(",\\s*([a-z_][a-z0-9_]*)(?:\\s+(?:AS\\s+)?[a-z_][a-z0-9_]*)?\\s*(?=,|\\bWHERE\\b|\\bJOIN\\b|\\)|$)");

    private SqlTableReferences() {
    }

    /** Every table of {@code known} that an SQL literal of this source names. */
    static Set<String> tablesNamedIn(Path source, Set<String> known) {
        Set<String> named = new TreeSet<>();
        for (String literal : stringLiterals(read(source))) {
            collect(NAMED_AFTER_KEYWORD.matcher(literal), known, named);
            String[] afterFrom = literal.split("\\bFROM\\b");
            for (int i = 1; i < afterFrom.length; i++) {
                collect(NAMED_IN_FROM_LIST.matcher(afterFrom[i].split("\\bWHERE\\b|\\bSELECT\\b|\\bSET\\b|\\bON\\b")[0]), known, named);
            }
        }
        return named;
    }

    private static void collect(Matcher matcher, Set<String> known, Set<String> into) {
        while (matcher.find()) {
            if (known.contains(matcher.group(1))) {
                into.add(matcher.group(1));
            }
        }
    }

    static List<Path> javaSources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The string literals and text blocks of a Java source, escapes left as written (SQL needs none),
     * comments and character literals skipped.
     */
    static List<String> stringLiterals(String java) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = java.length();
        while (i < n) {
            char c = java.charAt(i);
            if (java.startsWith("//", i)) {
                int end = java.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (java.startsWith("/*", i)) {
                int end = java.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                while (end > 0 && java.charAt(end - 1) == '\\') {
                    end = java.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end;
                literals.add(java.substring(i + 3, end));
                i = Math.min(n, end + 3);
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && java.charAt(j) != '"') {
                    j += java.charAt(j) == '\\' ? 2 : 1;
                }
                literals.add(java.substring(i + 1, Math.min(j, n)));
                i = j + 1;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && java.charAt(j) != '\'') {
                    j += java.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }
}
