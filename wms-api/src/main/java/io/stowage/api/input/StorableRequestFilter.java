package io.stowage.api.input;

import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.api.problem.ProblemWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The text of a request outside its body (decoded path segments, which become path variables; decoded
 * query parameters; header values such as {@code Idempotency-Key}) must be {@link StorableText}, checked
 * once here before authentication or any controller sees it. Bodies are checked where they are read
 * ({@link StrictJson}, the CSV reader).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class StorableRequestFilter implements WebFilter {

    private final ProblemWriter problems;

    public StorableRequestFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Optional<ApiProblem> refusal = refusal(exchange.getRequest());
        return refusal.isPresent() ? problems.write(exchange, refusal.get()) : chain.filter(exchange);
    }

    static Optional<ApiProblem> refusal(ServerHttpRequest request) {
        for (PathContainer.Element element : request.getPath().pathWithinApplication().elements()) {
            if (element instanceof PathContainer.PathSegment segment) {
                Optional<String> flaw = StorableText.flaw(segment.valueToMatch());
                if (flaw.isPresent()) {
                    return Optional.of(badRequest("path", "The path " + flaw.get()));
                }
            }
        }
        for (Map.Entry<String, List<String>> parameter : request.getQueryParams().entrySet()) {
            Optional<String> flaw = StorableText.flaw(parameter.getKey());
            for (String value : parameter.getValue()) {
                flaw = flaw.or(() -> value == null ? Optional.empty() : StorableText.flaw(value));
            }
            if (flaw.isPresent()) {
                return Optional.of(ApiProblem.invalid(parameter.getKey().replace('\u0000', '?'), flaw.get()));
            }
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                Optional<String> flaw = StorableText.flaw(value);
                if (flaw.isPresent()) {
                    return Optional.of(badRequest(header.getKey(), "The header " + header.getKey() + " " + flaw.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static ApiProblem badRequest(String field, String detail) {
        return new ApiProblem(ProblemType.MALFORMED_REQUEST, detail,
                List.of(new ApiProblem.FieldProblem(field, detail)));
    }
}
