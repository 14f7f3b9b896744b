package io.stowage.benchmarks.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service a benchmark runs against, seen over HTTP: it waits for the service to come
 * up and sends requests as the admin, a merchant or a worker (the bearer secret says which).
 */
public final class ServiceApi {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int POLLS_BEFORE_GIVING_UP = 600;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Duration requestTimeout;

    public ServiceApi(int port, Duration requestTimeout) {
        this.base = "http://localhost:" + port;
        this.requestTimeout = requestTimeout;
    }

    /** The client and address, for a benchmark that times requests of its own (asynchronously, many at once). */
    public HttpClient client() {
        return http;
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    /** Polls the health endpoint until it answers; fails at once when the process has stopped. */
    public void awaitUp(Process service, Path log) throws IOException, InterruptedException {
        for (int i = 0; i < POLLS_BEFORE_GIVING_UP; i++) {
            if (!service.isAlive()) {
                throw new IllegalStateException("The service stopped; see " + log);
            }
            try {
                if (send("GET", "/actuator/health", null, null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("The service did not start; see " + log);
    }

    /** A JSON request (or none when {@code body} is null); {@code bearer} and {@code idempotencyKey} may be null. */
    public HttpResponse<String> send(String method, String path, String bearer, String idempotencyKey, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(requestTimeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> sendCsv(String path, String bearer, String csv) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(requestTimeout)
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body when the status is one of {@code statuses}; otherwise the run stops, naming the request and the answer. */
    public static String expect(HttpResponse<String> response, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered " + response.statusCode()
                + ": " + response.body());
    }

    /** The first group of {@code pattern} in {@code body}. */
    public static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException(pattern + " not in " + body);
        }
        return matcher.group(1);
    }
}
