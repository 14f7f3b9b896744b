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
        return delete(path, Optional.empty(), token);
    }

    /** A DELETE; {@code idempotencyKey} is sent when present (a queued one, such as a carton taken off a load, has one). */
    public Answer delete(String path, Optional<String> idempotencyKey, String token) {
        HttpRequest.Builder builder = request(path, token).DELETE();
        idempotencyKey.ifPresent(key -> builder.header("Idempotency-Key", key));
        return send(builder.build());
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

    /**
     * A file the service serves (a label in ZPL, PDF or PNG): its bytes when the service sent them,
     * else the answer that says why not (a refusal, no answer, garbage).
     */
    public Download download(String path, String token) {
        HttpRequest request = request(path, token).setHeader("Accept", "*/*").GET().build();
        Download download;
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            byte[] bytes = response.body() == null ? new byte[0] : response.body();
            if (status >= 200 && status < 300 && status != 204 && bytes.length > 0) {
                download = new Download(new Answer.Ok(status, null), bytes,
                        response.headers().firstValue("Content-Disposition").flatMap(Download::filenameOf));
            } else {
                download = Download.failed(interpret(status, new String(bytes, StandardCharsets.UTF_8)));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            download = Download.failed(unreachable(e));
        }
        lastReached = download.answer().reachedService();
        return download;
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
        } catch (IOException | InterruptedException | RuntimeException e) {
            return unreachable(e);
        }
        return interpret(response.statusCode(), response.body());
    }

    private Answer unreachable(Exception e) {
        if (e instanceof HttpTimeoutException) {
            return new Answer.Unreachable("no answer in " + timeout.toSeconds() + " s");
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new Answer.Unreachable("interrupted");
        }
        if (e instanceof IOException) {
            return new Answer.Unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : "connection: " + shorten(e.getMessage()));
        }
        return new Answer.Unreachable(shorten(String.valueOf(e.getMessage())));
    }

    private Answer interpret(int status, String responseBody) {
        if (status >= 500) {
            return new Answer.Garbled("HTTP " + status);
        }
        JsonNode body = null;
        String text = responseBody == null ? "" : responseBody.strip();
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
