package io.stowage.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.stowage.api.Published;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Package dependencies of the service, as docs/architecture.md states them: every package under
 * {@code io.stowage.api} is a feature except the infrastructure packages below, which any package
 * may use. A feature uses another feature only through that feature's {@link Published} types, and
 * features do not depend on each other in a cycle.
 */
class FeatureBoundariesTest {

    static final String ROOT = "io.stowage.api";

    /** Shared plumbing, not features: any package may use any of their public classes. */
    static final Set<String> INFRASTRUCTURE = Set.of(
            "problem", "input", "paging", "database", "background", "outbox", "commands", "egress", "openapi");

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void featuresUseEachOtherOnlyThroughPublishedTypes() {
        classes().that().resideInAPackage(ROOT + "..")
                .should(useOtherFeaturesOnlyThroughPublishedTypes())
                .check(SERVICE);
    }

    @Test
    void featuresDoNotDependOnEachOtherInACycle() {
        // Among features only: infrastructure may know who calls (commands scopes by access.Caller)
        // while access runs its writes through commands; that is plumbing, not two features entangled.
        slices().matching(ROOT + ".(*)..")
                .should().beFreeOfCycles()
                .check(SERVICE.that(DescribedPredicate.describe("a feature's class", type -> feature(type).isPresent())));
    }

    @Test
    void theRuleFailsOnAnUnpublishedClassOfAnotherFeatureAndPassesOnAPublishedOne() {
        JavaClasses twoFeatures = new ClassFileImporter().importClasses(
                UsesAnUnpublishedClass.class, Unpublished.class, UsesAPublishedClass.class, PublishedOne.class);
        Function<JavaClass, Optional<String>> featureOf = type -> type.getSimpleName().startsWith("Uses") ? Optional.of("a")
                : Set.of("Unpublished", "PublishedOne").contains(type.getSimpleName()) ? Optional.of("b")
                : Optional.empty();
        assertThat(classes().that().haveSimpleName("UsesAnUnpublishedClass")
                .should(useOtherFeaturesOnlyThroughPublishedTypes(featureOf)).evaluate(twoFeatures).hasViolation()).isTrue();
        assertThat(classes().that().haveSimpleName("UsesAPublishedClass")
                .should(useOtherFeaturesOnlyThroughPublishedTypes(featureOf)).evaluate(twoFeatures).hasViolation()).isFalse();
    }

    private static ArchCondition<JavaClass> useOtherFeaturesOnlyThroughPublishedTypes() {
        return useOtherFeaturesOnlyThroughPublishedTypes(FeatureBoundariesTest::feature);
    }

    private static ArchCondition<JavaClass> useOtherFeaturesOnlyThroughPublishedTypes(Function<JavaClass, Optional<String>> featureOf) {
        return new ArchCondition<>("use other features only through their @Published types") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    Optional<String> targetFeature = featureOf.apply(target);
                    if (targetFeature.isEmpty() || targetFeature.equals(featureOf.apply(origin)) || published(target)) {
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()
                            + ": " + target.getName() + " is not @Published by feature " + targetFeature.get()));
                }
            }
        };
    }

    private static boolean published(JavaClass type) {
        JavaClass outermost = type;
        while (outermost.getEnclosingClass().isPresent()) {
            if (outermost.isAnnotatedWith(Published.class)) {
                return true;
            }
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost.isAnnotatedWith(Published.class);
    }

    /** The feature a class belongs to: the first package below the root, unless it is infrastructure. */
    static Optional<String> feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return Optional.empty();
        }
        String first = name.substring(ROOT.length() + 1).split("\\.")[0];
        return INFRASTRUCTURE.contains(first) ? Optional.empty() : Optional.of(first);
    }

    static class Unpublished {
        static int answer() {
            return 42;
        }
    }

    @Published
    static class PublishedOne {
        static int answer() {
            return 42;
        }
    }

    static class UsesAPublishedClass {
        int ask() {
            return PublishedOne.answer();
        }
    }

    static class UsesAnUnpublishedClass {
        int ask() {
            return Unpublished.answer();
        }
    }
}
