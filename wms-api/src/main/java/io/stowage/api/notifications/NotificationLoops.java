package io.stowage.api.notifications;

import io.stowage.api.background.PollingLoop;
import io.stowage.api.background.PollingLoops;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The background loops that send queued shopper emails and customer notices on every instance, and the SMS sender they use. */
@Configuration
class NotificationLoops {

    @Bean
    PollingLoop notificationEmailLoop(PollingLoops loops, EmailSender sender, EmailSettings settings) {
        return loops.loop("notification emails", settings.enabled(), settings.pollInterval(), sender::sendDue);
    }

    @Bean
    PollingLoop customerNoticeLoop(PollingLoops loops, CustomerNoticeSender sender, EmailSettings settings) {
        return loops.loop("customer notices", settings.enabled(), settings.pollInterval(), sender::sendDue);
    }

    @Bean
    SmsSender smsSender(SmsSettings settings, JsonMapper json) {
        return settings.sender().equals("http")
                ? new HttpSmsGateway(settings.gatewayUrl(), settings.gatewayToken(), settings.from(), settings.timeout(), json)
                : new LoggingSmsSender();
    }
}
