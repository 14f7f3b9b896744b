package io.stowage.api.support;

import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Each test service gets event loops and a connection pool of its own instead of Reactor Netty's global
 * ones: with test classes running concurrently in one JVM, a service that stops (a second instance, a
 * context closed or paused) must not close the connections another class's requests are using.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OwnReactorResources {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        resources.setShutdownQuietPeriod(Duration.ZERO);
        return resources;
    }
}
