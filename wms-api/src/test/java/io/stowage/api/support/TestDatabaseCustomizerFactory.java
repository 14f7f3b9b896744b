package io.stowage.api.support;

import io.stowage.api.database.DatabaseUrl;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points each test application context at its database: the JVM's shared one, or for an
 * {@link OwnDatabase} class a fresh one made when its context starts. The customizer is part of
 * Spring's context cache key, so a class with its own database never reuses the shared context.
 */
public final class TestDatabaseCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer(TestContextAnnotationUtils.hasAnnotation(testClass, OwnDatabase.class));
    }

    /** The configuration of the context on the shared database, once one has started. */
    private static MergedContextConfiguration sharedConfiguration;

    /**
     * Two differently configured contexts on the shared database would run each other's background
     * work with the wrong settings: a second configuration there is refused with what to do instead.
     */
    private static synchronized void claimSharedDatabase(MergedContextConfiguration mergedConfig) {
        if (sharedConfiguration == null) {
            sharedConfiguration = mergedConfig;
        } else if (!sharedConfiguration.equals(mergedConfig)) {
            throw new IllegalStateException(mergedConfig.getTestClass().getName() + " configures its application context differently from "
                    + sharedConfiguration.getTestClass().getName() + " (properties, beans or imports of its own), but both would run on the"
                    + " shared test database. Drop the extra configuration, or annotate the class @OwnDatabase (or extend an existing"
                    + " group such as FastDeliveryTest or DrivenLoopsTest): see ApiTest's javadoc.");
        }
    }

    private record Customizer(boolean ownDatabase) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            if (!ownDatabase) {
                claimSharedDatabase(mergedConfig);
            }
            DatabaseUrl url = ownDatabase ? TestDatabases.freshDatabase() : TestDatabases.shared();
            TestDatabases.Server server = TestDatabases.server();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("stowage-test-database", Map.of(
                    "spring.r2dbc.url", url.r2dbc(),
                    "spring.r2dbc.username", server.user(),
                    "spring.r2dbc.password", server.password(),
                    "spring.flyway.url", url.jdbc(),
                    "spring.flyway.user", server.user(),
                    "spring.flyway.password", server.password())));
        }
    }
}
