package io.stowage.api.retention;

import io.stowage.api.background.PollingLoop;
import io.stowage.api.background.PollingLoops;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The background loop that deletes old bookkeeping, on every instance. */
@Configuration
class RetentionLoop {

    @Bean
    PollingLoop retentionPass(PollingLoops loops, Retention retention, RetentionSettings settings) {
        return loops.loop("retention", settings.enabled(), settings.interval(), retention::pass);
    }
}
