package io.stowage.api.trackpage;

import io.stowage.api.Published;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language of a customer's page (the tracking page, the return page): {@code ?lang=} first, then
 * the cookie a switch left, then the browser's {@code Accept-Language}, then English; only the five
 * languages the customer pages are written in. Registered as the service's
 * {@code localeContextResolver}, so Thymeleaf's {@code #{...}} messages and {@code #temporals} dates
 * follow it; the JSON API has no localised text, so nothing else changes for it.
 */
@Component("localeContextResolver")
@Published
public class CustomerLanguages implements LocaleContextResolver {

    /** The languages every customer page and message bundle is written in, English first (the fallback). */
    public static final List<String> SUPPORTED = List.of("en", "uk", "lt", "lv", "sl");
    public static final String PARAMETER = "lang";
    public static final String COOKIE = "stowage_lang";
    private static final Duration REMEMBERED_FOR = Duration.ofDays(365);
    private static final List<Locale> LOCALES = SUPPORTED.stream().map(Locale::forLanguageTag).toList();

    /** One entry of the language switcher: the language's own name, the link that switches to it, and whether it is the page's. */
    public record LanguageLink(String code, String name, String href, boolean current) {
    }

    /** The page's language for this request. */
    public Locale resolve(ServerWebExchange exchange) {
        return supported(exchange.getRequest().getQueryParams().getFirst(PARAMETER))
                .or(() -> Optional.ofNullable(exchange.getRequest().getCookies().getFirst(COOKIE)).map(HttpCookie::getValue).flatMap(CustomerLanguages::supported))
                .or(() -> fromAcceptLanguage(exchange))
                .map(Locale::forLanguageTag)
                .orElse(Locale.ENGLISH);
    }

    /** Remembers a language the visitor chose with {@code ?lang=} in a cookie, so the next page (and the next visit) keeps it. */
    public void remember(ServerWebExchange exchange) {
        supported(exchange.getRequest().getQueryParams().getFirst(PARAMETER)).ifPresent(code -> exchange.getResponse().addCookie(
                ResponseCookie.from(COOKIE, code).path("/").maxAge(REMEMBERED_FOR).sameSite("Lax").httpOnly(true)
                        .secure("https".equals(exchange.getRequest().getURI().getScheme())).build()));
    }

    /** The switcher's links: this page in each language, by its own name. */
    public List<LanguageLink> switcher(ServerWebExchange exchange) {
        String current = resolve(exchange).getLanguage();
        return SUPPORTED.stream().map(code -> new LanguageLink(code, ownName(code),
                UriComponentsBuilder.fromPath(exchange.getRequest().getPath().value())
                        .replaceQueryParam(PARAMETER, code).build().encode().toUriString(),
                code.equals(current))).toList();
    }

    /** The language's name in itself, capitalised as at the start of a sentence: "Lietuvių", "Українська". */
    private static String ownName(String code) {
        Locale locale = Locale.forLanguageTag(code);
        String name = locale.getDisplayLanguage(locale);
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        return new SimpleLocaleContext(resolve(exchange));
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext localeContext) {
        throw new UnsupportedOperationException("The customer's language is chosen with ?lang=, a cookie or Accept-Language");
    }

    private static Optional<String> supported(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String language = code.trim().toLowerCase(Locale.ROOT);
        return SUPPORTED.contains(language) ? Optional.of(language) : Optional.empty();
    }

    private static Optional<String> fromAcceptLanguage(ServerWebExchange exchange) {
        try {
            List<Locale.LanguageRange> ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
            return Optional.ofNullable(Locale.lookup(ranges, LOCALES)).map(Locale::getLanguage);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
