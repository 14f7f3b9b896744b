package io.stowage.api.orders;

import io.stowage.api.background.PollingLoop;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The background loop that gives waiting order lines the stock that arrives, on every instance. */
@Configuration
class OrderLoops {

    @Bean
    PollingLoop backorderAllocationLoop(BackorderAllocator allocator, @Value("${stowage.orders.backorder-poll:PT0.5S}") Duration interval) {
        return new PollingLoop("backorder allocation", true, interval, allocator::pass);
    }
}
