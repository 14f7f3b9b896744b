package io.stowage.api.input;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers given early, before the server has taken in the end of the request (a refusal thrown at once,
 * a 401 from the security filters, a 404, 405 or 415 from routing), left a kept-alive connection deaf
 * now and then: the next request on it got no answer at all. So an answer to a request without a body
 * waits for the request's (empty) end before it is committed, and an answer committed before a request
 * body was read says {@code Connection: close}: the body goes with the connection and the client's next
 * request takes a fresh one, as HTTP/1.1 allows. (Reading and dropping a body before answering raced
 * with Reactor Netty's own discarding of it: buffers released twice.)
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UnreadBodyFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long length = headers.getContentLength();
        boolean chunked = headers.containsHeaderValue(HttpHeaders.TRANSFER_ENCODING, "chunked");
        if (length <= 0 && !chunked) {
            // A request without a body still ends with an (empty) last part. An answer committed before the
            // server has taken that part in (a refusal thrown at once, a 401) left the connection waiting,
            // and the next request on it went unanswered: the answer waits for the request's end first.
            exchange.getResponse().beforeCommit(() -> request.getBody().then().onErrorResume(e -> Mono.empty()));
            return chain.filter(exchange);
        }
        AtomicBoolean read = new AtomicBoolean();
        ServerHttpRequest watched = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                read.set(true);
                return super.getBody();
            }
        };
        exchange.getResponse().beforeCommit(() -> {
            if (!read.get()) {
                exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            }
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(watched).build());
    }
}
