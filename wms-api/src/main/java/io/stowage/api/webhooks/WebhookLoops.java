package io.stowage.api.webhooks;

import io.stowage.api.background.PollingLoop;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two background loops of webhooks on every instance: fan-out of the outbox and delivery. */
@Configuration
class WebhookLoops {

    @Bean
    PollingLoop outboxFanOutLoop(OutboxFanOut fanOut, WebhookSettings settings) {
        return new PollingLoop("outbox fan-out", settings.fanOutEnabled(), settings.pollInterval(), fanOut::fanOutBatch);
    }

    @Bean
    PollingLoop webhookDeliveryLoop(WebhookDeliverer deliverer, WebhookSettings settings) {
        return new PollingLoop("webhook delivery", settings.deliveryEnabled(), settings.pollInterval(), deliverer::deliverDue);
    }
}
