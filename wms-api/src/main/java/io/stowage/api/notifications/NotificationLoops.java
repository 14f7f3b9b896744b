package io.stowage.api.notifications;

import io.stowage.api.background.PollingLoop;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The background loop that sends queued shopper emails on every instance. */
@Configuration
class NotificationLoops {

    @Bean
    PollingLoop notificationEmailLoop(EmailSender sender, EmailSettings settings) {
        return new PollingLoop("notification emails", settings.enabled(), settings.pollInterval(), sender::sendDue);
    }
}
