package io.stowage.api.trackpage;

import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.api.problem.ProblemWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * Every request to the customer's pages ({@code /track/**}: tracking, its JSON, the privacy answer,
 * returns) counts against its client's limit per minute. Over it, the answer is 429 with
 * {@code Retry-After}: a problem for the JSON, a short page in the visitor's language for a browser.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TrackPageRateLimit implements WebFilter {

    static final String PATH = "/track/";

    private final ClientRateLimits limits;
    private final ClientAddresses clients;
    private final TrackPageSettings settings;
    private final ProblemWriter problems;
    private final MessageSource messages;
    private final CustomerLanguages languages;

    TrackPageRateLimit(ClientRateLimits limits, ClientAddresses clients, TrackPageSettings settings, ProblemWriter problems,
                       MessageSource messages, CustomerLanguages languages) {
        this.limits = limits;
        this.clients = clients;
        this.settings = settings;
        this.problems = problems;
        this.messages = messages;
        this.languages = languages;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(PATH)) {
            return chain.filter(exchange);
        }
        Duration wait = limits.take("requests", clients.of(exchange), settings.requestsPerMinute(), Duration.ofMinutes(1));
        if (wait.isZero()) {
            return chain.filter(exchange);
        }
        return refuse(exchange, wait);
    }

    /** The 429 answer, as a problem for JSON clients and as a page in the visitor's language for a browser. */
    Mono<Void> refuse(ServerWebExchange exchange, Duration wait) {
        CustomerPages.protect(exchange);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
        if (wantsJson(exchange)) {
            return problems.write(exchange, ApiProblem.of(ProblemType.TOO_MANY_REQUESTS,
                    "Too many requests from this client: try again in " + Math.max(1, wait.toSeconds()) + " s"));
        }
        Locale locale = languages.resolve(exchange);
        String title = HtmlUtils.htmlEscape(messages.getMessage("trackpage.too-many.title", null, locale));
        String text = HtmlUtils.htmlEscape(messages.getMessage("trackpage.too-many.text", null, locale));
        String html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title></head>"
                + "<body><main><h1>" + title + "</h1><p>" + text + "</p></main></body></html>";
        exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        exchange.getResponse().getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8))));
    }

    static boolean wantsJson(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value().endsWith(".json")
                || exchange.getRequest().getHeaders().getAccept().stream().anyMatch(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON)
                && !type.isWildcardType());
    }
}
