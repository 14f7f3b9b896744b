package io.stowage.api.problem;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem straight to the response, for refusals that happen before any controller runs. */
@Component
public class ProblemWriter {

    private final JsonMapper json;

    public ProblemWriter(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, ApiProblem problem) {
        return write(exchange, ProblemHandler.render(problem));
    }

    public Mono<Void> write(ServerWebExchange exchange, ResponseEntity<ProblemDetail> entity) {
        var response = exchange.getResponse();
        response.setStatusCode(entity.getStatusCode());
        response.getHeaders().putAll(entity.getHeaders());
        byte[] body = json.writeValueAsBytes(entity.getBody());
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
