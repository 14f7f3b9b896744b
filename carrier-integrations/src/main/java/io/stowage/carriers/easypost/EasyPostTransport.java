package io.stowage.carriers.easypost;

import io.stowage.carriers.spi.CarrierFutures;
import io.stowage.carriers.spi.CarrierUnavailableException;
import io.stowage.carriers.spi.MalformedCarrierResponseException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * EasyPost over HTTP: Basic auth with the API key, JSON bodies, bounded time per exchange and a
 * bounded number of attempts with doubling waits. Answers that ask to try again (429, 502, 503,
 * 504, connection refused) are retried for every call; a timeout or a 500 is retried only where
 * repeating the call is harmless, because the first attempt may have succeeded. A 504 too may
 * follow a call that was processed behind the gateway: purchases are retried on it only because
 * EasyPost refuses to buy a shipment twice, and the carrier reads the shipment back. Nothing waits on
 * a thread: exchanges go out with {@link HttpClient#sendAsync} and a retry is scheduled after its wait
 * ({@link CompletableFuture#delayedExecutor}), so a call answers with a stage that fails with the
 * typed error of its last attempt.
 */
final class EasyPostTransport {

    /** Whether repeating a call after an unknown outcome is harmless. */
    enum Repeatable {
        SAFE,
        ONLY_IF_NOT_PROCESSED
    }

    record Answer(int status, byte[] body) {
        boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    private static final Set<Integer> NOT_PROCESSED = Set.of(429, 502, 503, 504);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);
    // IMF-fixdate; RFC 850 (its weekday dropped before parsing, its two-digit year read as 1970-2069); asctime.
    private static final List<DateTimeFormatter> HTTP_DATES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder().appendPattern("dd-MMM-").appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
                    .appendPattern(" HH:mm:ss zzz").toFormatter(Locale.ROOT),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC));

    private final EasyPostSettings settings;
    private final HttpClient client;
    private final EasyPostMapper mapper;
    private final String authorization;

    EasyPostTransport(EasyPostSettings settings, EasyPostMapper mapper) {
        this.settings = settings;
        this.mapper = mapper;
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((settings.apiKey() + ":").getBytes(StandardCharsets.UTF_8));
    }

    CompletableFuture<byte[]> get(String path, Repeatable repeatable) {
        return exchange(HttpRequest.newBuilder(resolve(path)).GET(), "GET " + path, repeatable, true);
    }

    CompletableFuture<byte[]> post(String path, byte[] json, Repeatable repeatable) {
        return exchange(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)), "POST " + path, repeatable, true);
    }

    /** Downloads a label file; links point at EasyPost's file storage, which wants no API key. */
    CompletableFuture<byte[]> download(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new MalformedCarrierResponseException("EasyPost label link '" + url + "' is not a URL", e));
        }
        return exchange(HttpRequest.newBuilder(uri).GET(), "label download", Repeatable.SAFE, false);
    }

    private URI resolve(String path) {
        return settings.baseUri().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private CompletableFuture<byte[]> exchange(HttpRequest.Builder builder, String what, Repeatable repeatable, boolean authenticated) {
        builder.timeout(settings.requestTimeout()).header("Accept", "application/json");
        if (authenticated) {
            builder.header("Authorization", authorization);
        }
        return attempt(builder.build(), what, repeatable, 1, settings.firstBackoff());
    }

    private CompletableFuture<byte[]> attempt(HttpRequest request, String what, Repeatable repeatable, int attempt, Duration wait) {
        boolean last = attempt == settings.maxAttempts();
        Duration nextWait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        Supplier<CompletableFuture<byte[]>> again = () -> attempt(request, what, repeatable, attempt + 1, nextWait);
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure != null) {
                if (!(CarrierFutures.cause(failure) instanceof IOException e)) {
                    return CarrierFutures.<byte[]>failed(failure);
                }
                // A refused connection or a connect timeout means the request never left; others may have been processed.
                boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                if (last || (!neverSent && repeatable != Repeatable.SAFE)) {
                    return CompletableFuture.<byte[]>failedFuture(unavailable(what, attempt, e));
                }
                return after(wait, again);
            }
            Answer answer = new Answer(response.statusCode(), response.body());
            if (answer.isSuccess()) {
                return CompletableFuture.completedFuture(answer.body());
            }
            boolean retryable = NOT_PROCESSED.contains(answer.status())
                    || (repeatable == Repeatable.SAFE && answer.status() >= 500);
            if (!retryable || last) {
                return CompletableFuture.<byte[]>failedFuture(mapper.error(answer.status(), answer.body()));
            }
            return after(response.headers().firstValue("Retry-After")
                    .flatMap(value -> retryAfter(value, Instant.now())).orElse(wait), again);
        }).thenCompose(Function.identity());
    }

    private CarrierUnavailableException unavailable(String what, int attempts, Exception cause) {
        String reason = cause instanceof HttpTimeoutException
                ? "did not answer within " + settings.requestTimeout().toMillis() + " ms"
                : "could not be reached (" + cause.getClass().getSimpleName() + ")";
        return new CarrierUnavailableException("EasyPost " + reason + " for " + what + " after " + attempts
                + (attempts == 1 ? " attempt" : " attempts"), cause);
    }

    /**
     * The wait a {@code Retry-After} header asks for, in either of its forms (RFC 9110): seconds, or
     * an HTTP date (IMF-fixdate, or the obsolete RFC 850 and asctime forms a recipient must still
     * read). A date already past means no wait; anything unreadable leaves the usual backoff.
     */
    static Optional<Duration> retryAfter(String value, Instant now) {
        String text = value.trim();
        if (text.matches("\\d{1,10}")) {
            return Optional.of(atMostLongestWait(Duration.ofSeconds(Long.parseLong(text))));
        }
        String withoutLongWeekday = text.replaceFirst("^[A-Za-z]{6,9}, ", "");
        for (DateTimeFormatter format : HTTP_DATES) {
            try {
                Instant at = ZonedDateTime.parse(format == HTTP_DATES.get(1) ? withoutLongWeekday : text, format).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : atMostLongestWait(wait));
            } catch (DateTimeParseException e) {
                // Try the next form.
            }
        }
        return Optional.empty();
    }

    private static Duration atMostLongestWait(Duration wait) {
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** Starts {@code next} at least {@code duration} from now: whole milliseconds rounded up, so a retry never comes before a Retry-After date. */
    private static CompletableFuture<byte[]> after(Duration duration, Supplier<CompletableFuture<byte[]>> next) {
        return CompletableFuture.supplyAsync(next, CompletableFuture.delayedExecutor(duration.plusNanos(999_999).toMillis(), TimeUnit.MILLISECONDS))
                .thenCompose(Function.identity());
    }
}
