package io.stowage.api.tracking;

import io.stowage.api.background.PollingLoop;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tracking's background loops: carrier polls, the sandbox's webhooks, the late check. */
@Configuration
class TrackingConfiguration {

    @Bean
    PollingLoop carrierTrackingPolls(TrackingPolls polls, TrackingSettings settings) {
        return new PollingLoop("carrier tracking polls", settings.pollingEnabled(), settings.pollInterval(), polls::pass);
    }

    @Bean
    PollingLoop sandboxWebhookDeliveries(SandboxWebhookPump pump, TrackingSettings settings) {
        return new PollingLoop("sandbox webhooks", settings.sandboxWebhooks(), settings.sandboxWebhookInterval(), pump::pass);
    }

    @Bean
    PollingLoop lateParcelChecks(LateChecks checks, TrackingSettings settings) {
        return new PollingLoop("late parcel checks", settings.lateChecks(), settings.lateCheckInterval(), checks::pass);
    }
}
