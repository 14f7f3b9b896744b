package io.stowage.api.retention;

import io.stowage.api.background.PollingLoop;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The background loop that deletes old bookkeeping, on every instance. */
@Configuration
class RetentionLoop {

    @Bean
    PollingLoop retentionPass(Retention retention, RetentionSettings settings) {
        return new PollingLoop("retention", settings.enabled(), settings.interval(), retention::pass);
    }
}
