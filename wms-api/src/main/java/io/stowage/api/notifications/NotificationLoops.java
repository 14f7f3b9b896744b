package io.stowage.api.notifications;

import io.stowage.api.background.PollingLoop;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The background loops that send queued shopper emails and customer notices on every instance, and the SMS sender they use. */
@Configuration
class NotificationLoops {

    @Bean
    PollingLoop notificationEmailLoop(EmailSender sender, EmailSettings settings) {
        return new PollingLoop("notification emails", settings.enabled(), settings.pollInterval(), sender::sendDue);
    }

    @Bean
    PollingLoop customerNoticeLoop(CustomerNoticeSender sender, EmailSettings settings) {
        return new PollingLoop("customer notices", settings.enabled(), settings.pollInterval(), sender::sendDue);
    }

    @Bean
    SmsSender smsSender(SmsSettings settings, JsonMapper json) {
        return settings.sender().equals("http")
                ? new HttpSmsGateway(settings.gatewayUrl(), settings.gatewayToken(), settings.from(), settings.timeout(), json)
                : new LoggingSmsSender();
    }
}
