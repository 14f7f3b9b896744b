package io.stowage.api.notifications;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Sends one text message. Which sender runs is the operator's choice ({@code stowage.notifications.sms.sender}):
 * {@code log} (the default) only writes the message to the log; {@code http} posts it to an SMS gateway.
 * A sender fails with {@link Refused} when trying again cannot help; any other error is retried.
 */
interface SmsSender {

    /** {@code id} is the notice's: the same on every retry, so a gateway can drop a repeat. */
    record Sms(UUID id, String to, String text) {
    }

    Mono<Void> send(Sms sms);

    /** The message was refused for good (a bad number, a rejected text, bad credentials). */
    final class Refused extends RuntimeException {

        Refused(String message) {
            super(message);
        }
    }
}
