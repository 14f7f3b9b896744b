package io.stowage.api.trackpage;

import io.stowage.api.Published;
import io.stowage.api.merchants.Merchants;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Renders a customer's page (tracking, returns) in the shared layout {@code templates/customer/layout.html}:
 * the merchant's brand in the header, the language switcher, the page's own {@code <main>}. A page
 * template wraps itself with
 * {@code <html th:replace="~{customer/layout :: page(~{::title}, ~{::main})}">} and holds a
 * {@code <title>} and a {@code <main id="main">}; its texts come from its own bundle
 * ({@code messages/<feature>*.properties}, listed in {@code spring.messages.basename}).
 *
 * <p>Every customer page is sent with headers that keep its secret URL to itself: no Referer to the
 * carrier's site or anywhere else, never cached by a shared cache, never framed, no script at all.
 */
@Component
@Published
public class CustomerPages {

    /** Model attributes the layout reads. */
    public static final String BRAND = "brand";
    public static final String LANGUAGES = "languages";

    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final Merchants merchants;
    private final CustomerLanguages languages;

    CustomerPages(Merchants merchants, CustomerLanguages languages) {
        this.merchants = merchants;
        this.languages = languages;
    }

    /** The page {@code view} with the merchant's brand (the pages' own when it has none). */
    public Mono<Rendering> render(ServerWebExchange exchange, UUID merchantId, String view, Map<String, Object> model, HttpStatus status) {
        return merchants.branding(merchantId)
                .map(branding -> CustomerBrand.of(branding.name(), branding.colour()))
                .defaultIfEmpty(CustomerBrand.neutral())
                .map(brand -> render(exchange, brand, view, model, status));
    }

    /** The page {@code view} under the given brand ({@link CustomerBrand#neutral()} for a page that must name nobody). */
    public Rendering render(ServerWebExchange exchange, CustomerBrand brand, String view, Map<String, Object> model, HttpStatus status) {
        languages.remember(exchange);
        protect(exchange);
        Map<String, Object> all = new HashMap<>(model);
        all.put(BRAND, brand);
        all.put(LANGUAGES, languages.switcher(exchange));
        return Rendering.view(view).model(all).status(status).build();
    }

    /** The headers of every customer page and its JSON: the URL is a secret, so nothing may carry it elsewhere or keep a copy. */
    public static void protect(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("Referrer-Policy", "no-referrer");
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Robots-Tag", "noindex, nofollow");
        headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        headers.add(HttpHeaders.VARY, HttpHeaders.COOKIE);
    }
}
