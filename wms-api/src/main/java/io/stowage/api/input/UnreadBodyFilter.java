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
 * An answer given before the request's body was read (a 401 from the security filters, a 404, 405 or
 * 415 from routing, a refusal of a filter) left that body unread on a kept-alive connection, and the
 * next request on the connection then sometimes got no answer at all (3-8 % waited more than 10 s).
 * Reading and dropping the body before answering raced with Reactor Netty's own discarding of it
 * (buffers released twice). So such an answer says {@code Connection: close}: the body is dropped with
 * the connection and the client's next request goes on a fresh one, as HTTP/1.1 allows a server to do.
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
