package io.stowage.scanner.service;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The service's HTTP API as the handheld uses it. Every call comes back as an {@link Answer}:
 * nothing thrown reaches a screen, whatever the network or the service does.
 */
public final class WmsClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI api;
    private final HttpClient http;
    private final Duration timeout;
    private volatile boolean lastReached = true;

    /** {@code server} is the service's base URL, such as {@code http://localhost:8080}. */
    public WmsClient(URI server, Duration timeout) {
        String base = server.toString().replaceAll("/+$", "");
        if (!base.endsWith("/api/v1")) {
            base = base + "/api/v1";
        }
        this.api = URI.create(base + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI api() {
        return api;
    }

    /** Whether the last call got an answer from the service (a refusal counts: it answered). */
    public boolean online() {
        return lastReached;
    }

    public Answer get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Answer delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    /** A POST with a JSON body; {@code idempotencyKey} is sent when present (every confirmation has one). */
    public Answer post(String path, JsonNode body, Optional<String> idempotencyKey, Optional<String> token) {
        HttpRequest.Builder builder = request(path, token.orElse(null))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        idempotencyKey.ifPresent(key -> builder.header("Idempotency-Key", key));
        return send(builder.build());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(api.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer send(HttpRequest request) {
        Answer answer = exchange(request);
        lastReached = answer.reachedService();
        return answer;
    }

    private Answer exchange(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            return new Answer.Unreachable("no answer in " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Answer.Unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : "connection: " + shorten(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer.Unreachable("interrupted");
        } catch (RuntimeException e) {
            return new Answer.Unreachable(shorten(String.valueOf(e.getMessage())));
        }
        int status = response.statusCode();
        if (status >= 500) {
            return new Answer.Garbled("HTTP " + status);
        }
        JsonNode body = null;
        String text = response.body() == null ? "" : response.body().strip();
        if (!text.isEmpty()) {
            try {
                body = JSON.readTree(text);
            } catch (JacksonException e) {
                return new Answer.Garbled("HTTP " + status + ", not JSON");
            }
        }
        if (status >= 200 && status < 300) {
            if (status != 204 && body == null) {
                return new Answer.Garbled("HTTP " + status + ", empty");
            }
            return new Answer.Ok(status, body);
        }
        if (status >= 400) {
            Optional<Problem> problem = Problem.read(status, body);
            if (problem.isPresent()) {
                return new Answer.Refused(problem.get());
            }
            return new Answer.Garbled("HTTP " + status + " without a problem");
        }
        return new Answer.Garbled("HTTP " + status);
    }

    private static String shorten(String message) {
        return message.length() > 60 ? message.substring(0, 60) : message;
    }
}
