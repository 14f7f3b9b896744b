package io.stowage.api.support;

import io.stowage.api.webhooks.OutboxEvent;
import io.stowage.api.webhooks.OutboxSubscriber;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

/** An internal outbox subscriber with a bug: it fails on every order.accepted event whose payload says poison. */
@TestConfiguration(proxyBeanMethods = false)
public class PoisonIntolerantSubscriber {

    @Bean
    OutboxSubscriber poisonIntolerant() {
        return new OutboxSubscriber() {
            @Override
            public boolean wants(String eventType) {
                return eventType.equals("order.accepted");
            }

            @Override
            public Mono<Void> handle(OutboxEvent event) {
                return event.payload().contains("poison") ? Mono.error(new IllegalStateException("cannot digest " + event.subject()))
                        : Mono.empty();
            }
        };
    }
}
