package io.stowage.api.problem;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Failures that no controller sees (unknown routes, a filter's refusal, a body the codecs reject
 * before a handler runs) get the same problem+json answers as the ones controllers raise, ahead of
 * Spring Boot's own error page and its JSON error format.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ProblemExceptionHandler implements WebExceptionHandler {

    private final ProblemHandler handler;
    private final ProblemWriter writer;

    public ProblemExceptionHandler(ProblemHandler handler, ProblemWriter writer) {
        this.handler = handler;
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        exchange.getResponse().getHeaders().clearContentHeaders();
        return writer.write(exchange, handler.handle(failure));
    }
}
