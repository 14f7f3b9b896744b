package io.stowage.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Problem types are named in one place: the constants of {@link ProblemType}. */
class ProblemTypeTest {

    @Test
    void everyConstantHasItsOwnKebabCaseSlug() {
        List<ProblemType> types = Arrays.stream(ProblemType.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == ProblemType.class)
                .map(ProblemTypeTest::value)
                .toList();
        assertThat(types).hasSizeGreaterThan(40);
        assertThat(types).extracting(ProblemType::slug).doesNotHaveDuplicates().allMatch(slug -> slug.matches("[a-z]+(-[a-z]+)*"));
        assertThat(types).extracting(ProblemType::title).doesNotContainNull();
    }

    @Test
    void noSourceOutsideProblemTypeMakesUpAType() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> offenders = files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !path.endsWith(Path.of("io/stowage/api/problem/ProblemType.java")))
                    .filter(path -> read(path).contains("new ProblemType("))
                    .map(Path::toString)
                    .toList();
            assertThat(offenders).as("sources that create a ProblemType instead of using a constant").isEmpty();
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ProblemType value(Field field) {
        try {
            return (ProblemType) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
