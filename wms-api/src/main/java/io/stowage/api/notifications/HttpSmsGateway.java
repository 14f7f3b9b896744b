package io.stowage.api.notifications;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts a text message as JSON to an SMS gateway: {@code {"to", "from", "text", "reference"}} with the
 * token as a bearer credential and the notice id as both {@code reference} and {@code Idempotency-Key},
 * so a gateway that keeps keys sends a retried message once. A 2xx answer is sent; 408, 429 and 5xx
 * and network errors are worth another try; any other answer is a refusal that no retry changes.
 */
final class HttpSmsGateway implements SmsSender {

    private static final int MAX_ANSWER = 300;

    private final HttpClient client;
    private final URI url;
    private final String token;
    private final String from;
    private final Duration timeout;
    private final JsonMapper json;

    HttpSmsGateway(URI url, String token, String from, Duration timeout, JsonMapper json) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.url = url;
        this.token = token;
        this.from = from;
        this.timeout = timeout;
        this.json = json;
    }

    @Override
    public Mono<Void> send(Sms sms) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", sms.to());
        if (from != null) {
            body.put("from", from);
        }
        body.put("text", sms.text());
        body.put("reference", sms.id().toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", sms.id().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return Mono.defer(() -> Mono.fromFuture(client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())))
                .flatMap(response -> {
                    int status = response.statusCode();
                    if (status >= 200 && status < 300) {
                        return Mono.empty();
                    }
                    String answer = "SMS gateway answered " + status + ": " + shortened(response.body());
                    boolean worthRetrying = status >= 500 || status == 408 || status == 429;
                    return Mono.error(worthRetrying ? new IllegalStateException(answer) : new Refused(answer));
                });
    }

    private static String shortened(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() > MAX_ANSWER ? text.substring(0, MAX_ANSWER) : text;
    }
}
