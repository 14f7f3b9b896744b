package io.stowage.api.picking;

import io.stowage.picking.batching.BatchPlanner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PickingConfiguration {

    /** One solve at a time per instance: the machine has two cores and the web server needs one. Further waves queue. */
    @Bean(destroyMethod = "close")
    BatchPlanner batchPlanner() {
        return new BatchPlanner(1);
    }
}
