package io.stowage.api.trackpage;

import io.stowage.api.Published;
import io.stowage.api.orders.OrderShipTo;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The privacy step of the customer's pages (tracking, returns): the visitor gives the order's e-mail
 * address or postal code, under two limits (the client's attempts on this instance, the order's
 * wrong answers on all), and a right answer opens the order's private details in that browser for
 * {@code stowage.trackpage.unlocked-for}, in a signed cookie every customer page of the order reads.
 * Forms posted from these pages carry a CSRF token: the browser's random CSRF cookie and the page's
 * scope (its tracking token), signed, which another site can neither read nor make.
 */
@Component
@Published
public class CustomerUnlocks {

    /** How an answer went: right, wrong (counted against the order), or refused unchecked because a limit is reached. */
    public enum Outcome { RIGHT, WRONG, LIMITED }

    static final String UNLOCK_COOKIE_PREFIX = "stowage_unlock_";
    static final String CSRF_COOKIE = "stowage_track_csrf";
    private static final String COOKIE_PATH = "/track";

    private final TrackPageSigner signer;
    private final UnlockFailures failures;
    private final ClientRateLimits limits;
    private final ClientAddresses clients;
    private final TrackPageSettings settings;

    CustomerUnlocks(TrackPageSigner signer, UnlockFailures failures, ClientRateLimits limits, ClientAddresses clients,
                    TrackPageSettings settings) {
        this.signer = signer;
        this.failures = failures;
        this.limits = limits;
        this.clients = clients;
        this.settings = settings;
    }

    /**
     * Counts one answer of the client against its limit; false, with {@code Retry-After} set, when it
     * has given as many as it may. For a question about no order in particular (an order number
     * that does not exist is answered as a wrong e-mail address would be).
     */
    public boolean clientMayAsk(ServerWebExchange exchange) {
        Duration wait = limits.take("unlock", clients.of(exchange), settings.unlockAttempts(), settings.unlockWindow());
        if (!wait.isZero()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds()));
            return false;
        }
        return true;
    }

    /** Checks an answer for the order under both limits; a limited answer sets {@code Retry-After}. */
    public Mono<Outcome> answer(ServerWebExchange exchange, UUID orderId, OrderShipTo.ShipTo recipient, String answer) {
        if (!clientMayAsk(exchange)) {
            return Mono.just(Outcome.LIMITED);
        }
        return failures.exhausted(orderId).flatMap(exhausted -> {
            if (exhausted) {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(settings.unlockWindow().toSeconds()));
                return Mono.just(Outcome.LIMITED);
            }
            if (TrackedParcels.answers(recipient, answer)) {
                return Mono.just(Outcome.RIGHT);
            }
            return failures.record(orderId).thenReturn(Outcome.WRONG);
        });
    }

    /** Whether the browser holds an unexpired unlock of the order, signed by this service. */
    public Mono<Boolean> unlocked(ServerWebExchange exchange, UUID orderId) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(unlockCookie(orderId));
        if (cookie == null) {
            return Mono.just(false);
        }
        return signer.verify(cookie.getValue()).map(value -> value
                .map(unlock -> unlock.split("\\|"))
                .filter(parts -> parts.length == 3 && "unlock".equals(parts[0]) && orderId.toString().equals(parts[1]))
                .map(parts -> Instant.ofEpochSecond(Long.parseLong(parts[2])).isAfter(Instant.now()))
                .orElse(false));
    }

    /** Opens the order's private details in this browser (after a right answer). */
    public Mono<Void> remember(ServerWebExchange exchange, UUID orderId) {
        Instant until = Instant.now().plus(settings.unlockedFor());
        return signer.sign("unlock|" + orderId + "|" + until.getEpochSecond()).doOnNext(value -> exchange.getResponse().addCookie(
                ResponseCookie.from(unlockCookie(orderId), value).path(COOKIE_PATH).maxAge(settings.unlockedFor()).httpOnly(true)
                        .sameSite("Lax").secure(secure(exchange)).build())).then();
    }

    private static String unlockCookie(UUID orderId) {
        return UNLOCK_COOKIE_PREFIX + orderId.toString().replace("-", "");
    }

    /** The CSRF token of a form of the page {@code scope} names (its tracking token); sets the browser's CSRF cookie when it has none. */
    public Mono<String> csrfToken(ServerWebExchange exchange, String scope) {
        String nonce = Optional.ofNullable(exchange.getRequest().getCookies().getFirst(CSRF_COOKIE)).map(HttpCookie::getValue)
                .filter(value -> value.matches("[A-Za-z0-9_-]{24}"))
                .orElseGet(() -> {
                    String fresh = TrackPageSigner.nonce();
                    exchange.getResponse().addCookie(ResponseCookie.from(CSRF_COOKIE, fresh).path(COOKIE_PATH).httpOnly(true)
                            .sameSite("Strict").secure(secure(exchange)).build());
                    return fresh;
                });
        return signer.sign("csrf|" + nonce + "|" + scope);
    }

    /** Whether a posted form's CSRF field is the token of this browser and this scope. */
    public Mono<Boolean> csrfHolds(ServerWebExchange exchange, String scope, String field) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(CSRF_COOKIE);
        if (cookie == null || field == null) {
            return Mono.just(false);
        }
        return signer.verify(field).map(value -> value.map(("csrf|" + cookie.getValue() + "|" + scope)::equals).orElse(false));
    }

    private static boolean secure(ServerWebExchange exchange) {
        return "https".equals(exchange.getRequest().getURI().getScheme());
    }
}
