package io.stowage.api.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** The default: text messages are written to the log, not sent, until an operator configures a gateway. */
final class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public Mono<Void> send(Sms sms) {
        return Mono.fromRunnable(() -> log.info("SMS {} to {} (not sent: no SMS gateway configured): {}", sms.id(), sms.to(), sms.text()));
    }
}
