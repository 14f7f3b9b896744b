package io.stowage.api.picking;

import io.stowage.api.background.PollingLoop;
import io.stowage.api.background.PollingLoops;
import io.stowage.picking.batching.BatchPlanner;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PickingConfiguration {

    /** Renews this instance's planning waves three times per lease and takes over waves whose instance is gone. */
    @Bean
    PollingLoop wavePlanningHeartbeat(PollingLoops loops, PlanningHeartbeats heartbeats, @Value("${stowage.picking.planning-lease:PT30S}") Duration lease) {
        return loops.loop("wave planning heartbeat", true, lease.dividedBy(3), heartbeats::beat);
    }

    /** One solve at a time per instance: the machine has two cores and the web server needs one. Further waves queue. */
    @Bean(destroyMethod = "close")
    BatchPlanner batchPlanner() {
        return new BatchPlanner(1);
    }
}
