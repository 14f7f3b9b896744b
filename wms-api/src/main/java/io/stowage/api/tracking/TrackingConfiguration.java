package io.stowage.api.tracking;

import io.stowage.api.background.PollingLoop;
import io.stowage.api.background.PollingLoops;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tracking's background loops: carrier polls, the sandbox's webhooks, the late check. */
@Configuration
class TrackingConfiguration {

    @Bean
    PollingLoop carrierTrackingPolls(PollingLoops loops, TrackingPolls polls, TrackingSettings settings) {
        return loops.loop("carrier tracking polls", settings.pollingEnabled(), settings.pollInterval(), polls::pass);
    }

    @Bean
    PollingLoop sandboxWebhookDeliveries(PollingLoops loops, SandboxWebhookPump pump, TrackingSettings settings) {
        return loops.loop("sandbox webhooks", settings.sandboxWebhooks(), settings.sandboxWebhookInterval(), pump::pass);
    }

    @Bean
    PollingLoop lateParcelChecks(PollingLoops loops, LateChecks checks, TrackingSettings settings) {
        return loops.loop("late parcel checks", settings.lateChecks(), settings.lateCheckInterval(), checks::pass);
    }
}
