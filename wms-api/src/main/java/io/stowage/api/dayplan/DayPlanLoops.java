package io.stowage.api.dayplan;

import io.stowage.api.background.PollingLoop;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The background loop every instance runs: it claims due day plans one at a time and runs them. */
@Configuration
class DayPlanLoops {

    @Bean
    PollingLoop dayPlanLoop(DayPlanRuns runs, DayPlanSettings settings) {
        return new PollingLoop("day plans", settings.enabled, settings.pollInterval, runs::pass);
    }
}
