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

    private record Customizer(boolean ownDatabase) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
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
