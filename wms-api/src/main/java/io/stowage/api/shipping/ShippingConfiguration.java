package io.stowage.api.shipping;

import io.stowage.api.background.PollingLoop;
import io.stowage.api.background.PollingLoops;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ShippingConfiguration {

    /** Finishes label purchases whose instance died or gave up: any instance, claimed with SKIP LOCKED once the lease ran out. */
    @Bean
    PollingLoop labelPurchaseRecovery(PollingLoops loops, LabelPurchases purchases, ShippingSettings settings) {
        return loops.loop("label purchase recovery", settings.recoveryEnabled(), settings.recoveryPoll(), () -> purchases.recoverStuck(10));
    }
}
