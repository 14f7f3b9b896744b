package io.stowage.carriers.easypost;

import io.stowage.carriers.spi.CarrierApiException;
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
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * EasyPost over HTTP: Basic auth with the API key, JSON bodies, bounded time per exchange and a
 * bounded number of attempts with doubling waits. Only answers that mean "not processed, try again"
 * (429, 502, 503, 504, connection refused) are retried for every call; a timeout or a 500 is
 * retried only where repeating the call is harmless, because the first attempt may have succeeded.
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

    byte[] get(String path, Repeatable repeatable) {
        return exchange(HttpRequest.newBuilder(resolve(path)).GET(), "GET " + path, repeatable, true);
    }

    byte[] post(String path, byte[] json, Repeatable repeatable) {
        return exchange(HttpRequest.newBuilder(resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)), "POST " + path, repeatable, true);
    }

    /** Downloads a label file; links point at EasyPost's file storage, which wants no API key. */
    byte[] download(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new MalformedCarrierResponseException("EasyPost label link '" + url + "' is not a URL", e);
        }
        return exchange(HttpRequest.newBuilder(uri).GET(), "label download", Repeatable.SAFE, false);
    }

    private URI resolve(String path) {
        return settings.baseUri().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    private byte[] exchange(HttpRequest.Builder builder, String what, Repeatable repeatable, boolean authenticated) {
        builder.timeout(settings.requestTimeout()).header("Accept", "application/json");
        if (authenticated) {
            builder.header("Authorization", authorization);
        }
        HttpRequest request = builder.build();
        Duration wait = settings.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            boolean last = attempt == settings.maxAttempts();
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                Answer answer = new Answer(response.statusCode(), response.body());
                if (answer.isSuccess()) {
                    return answer.body();
                }
                boolean retryable = NOT_PROCESSED.contains(answer.status())
                        || (repeatable == Repeatable.SAFE && answer.status() >= 500);
                if (!retryable || last) {
                    throw mapper.error(answer.status(), answer.body());
                }
                sleep(retryAfter(response).orElse(wait));
            } catch (IOException e) {
                // A refused connection or a connect timeout means the request never left; others may have been processed.
                boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                if (last || (!neverSent && repeatable != Repeatable.SAFE)) {
                    throw unavailable(what, attempt, e);
                }
                sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CarrierUnavailableException("interrupted while waiting for EasyPost (" + what + ")", e);
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
        }
    }

    private CarrierUnavailableException unavailable(String what, int attempts, Exception cause) {
        String reason = cause instanceof HttpTimeoutException
                ? "did not answer within " + settings.requestTimeout().toMillis() + " ms"
                : "could not be reached (" + cause.getClass().getSimpleName() + ")";
        return new CarrierUnavailableException("EasyPost " + reason + " for " + what + " after " + attempts
                + (attempts == 1 ? " attempt" : " attempts"), cause);
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return Optional.of(Duration.ofSeconds(Math.min(seconds, LONGEST_WAIT.toSeconds())));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CarrierUnavailableException("interrupted while waiting to retry EasyPost", e);
        }
    }
}
