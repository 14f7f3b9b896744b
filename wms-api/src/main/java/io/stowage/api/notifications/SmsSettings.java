package io.stowage.api.notifications;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How customer text messages leave ({@code stowage.notifications.sms.*}): {@code sender} is {@code log}
 * (the default: written to the log only) or {@code http} (posted to {@code gateway-url} with
 * {@code gateway-token}, from the sender name {@code from}).
 */
@ConfigurationProperties("stowage.notifications.sms")
record SmsSettings(
        @DefaultValue("log") String sender,
        URI gatewayUrl,
        String gatewayToken,
        String from,
        @DefaultValue("10s") Duration timeout) {

    SmsSettings {
        if (!sender.equals("log") && !sender.equals("http")) {
            throw new IllegalStateException("stowage.notifications.sms.sender must be log or http");
        }
        if (sender.equals("http") && gatewayUrl == null) {
            throw new IllegalStateException("stowage.notifications.sms.gateway-url is required when the SMS sender is http");
        }
    }
}
