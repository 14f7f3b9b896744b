package io.stowage.api.dayplan;

import io.stowage.api.background.PollingLoop;
import io.stowage.api.background.PollingLoops;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The background loop every instance runs: it claims due day plans one at a time and runs them. */
@Configuration
class DayPlanLoops {

    @Bean
    PollingLoop dayPlanLoop(PollingLoops loops, DayPlanRuns runs, DayPlanSettings settings) {
        return loops.loop("day plans", settings.enabled, settings.pollInterval, runs::pass);
    }
}
