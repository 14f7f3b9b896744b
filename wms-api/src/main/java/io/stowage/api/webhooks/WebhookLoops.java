package io.stowage.api.webhooks;

import io.stowage.api.background.PollingLoop;
import io.stowage.api.background.PollingLoops;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two background loops of webhooks on every instance: fan-out of the outbox and delivery. */
@Configuration
class WebhookLoops {

    @Bean
    PollingLoop outboxFanOutLoop(PollingLoops loops, OutboxFanOut fanOut, WebhookSettings settings) {
        return loops.loop("outbox fan-out", settings.fanOutEnabled(), settings.pollInterval(), fanOut::fanOutBatch);
    }

    @Bean
    PollingLoop webhookDeliveryLoop(PollingLoops loops, WebhookDeliverer deliverer, WebhookSettings settings) {
        return loops.loop("webhook delivery", settings.deliveryEnabled(), settings.pollInterval(), deliverer::deliverDue);
    }
}
