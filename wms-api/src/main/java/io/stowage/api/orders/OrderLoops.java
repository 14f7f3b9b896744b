package io.stowage.api.orders;

import io.stowage.api.background.PollingLoop;
import io.stowage.api.background.PollingLoops;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background loops of orders, on every instance: waiting lines get the stock that arrives, and
 * units allocated from a lot the node no longer holds go back to wait for it.
 */
@Configuration
class OrderLoops {

    @Bean
    PollingLoop backorderAllocationLoop(PollingLoops loops, BackorderAllocator allocator, @Value("${stowage.orders.backorder-poll:PT0.5S}") Duration interval) {
        return loops.loop("backorder allocation", true, interval, allocator::pass);
    }

    @Bean
    PollingLoop lotShortfallLoop(PollingLoops loops, LotShortfalls shortfalls, @Value("${stowage.orders.lot-shortfall-poll:PT2S}") Duration interval) {
        return loops.loop("lot shortfalls", true, interval, shortfalls::pass);
    }
}
