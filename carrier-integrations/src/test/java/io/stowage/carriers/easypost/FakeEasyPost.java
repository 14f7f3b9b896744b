package io.stowage.carriers.easypost;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A local HTTP server answering as EasyPost documents, on 127.0.0.1 and an ephemeral port. Each
 * route ("POST /v2/shipments") answers the recorded response unless a test queued other answers.
 */
final class FakeEasyPost implements AutoCloseable {

    record Reply(int status, byte[] body, Duration delay, Map<String, String> headers) {
        Reply(int status, byte[] body, Duration delay) {
            this(status, body, delay, Map.of());
        }

        static Reply of(int status, byte[] body) {
            return new Reply(status, body, Duration.ZERO);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> more = new HashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, delay, Map.copyOf(more));
        }
    }

    record Received(String method, String path, String authorization, byte[] body, Instant at) {
    }

    static final String API_KEY = "EZTK_test_key";

    private final HttpServer server;
    private final ScheduledExecutorService replies = Executors.newScheduledThreadPool(2);
    private final Map<String, Reply> defaults = new ConcurrentHashMap<>();
    private final Map<String, Deque<Reply>> queued = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FakeEasyPost() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        String base = baseUrl();
        String shipment = "/v2/shipments/shp_9f1c2a7d4e2b4b0f8a6d3c1e5b7a9d20";
        answer("POST /v2/shipments", Reply.of(201, Recorded.bytes("shipment-response.json")));
        answer("POST " + shipment + "/buy", Reply.of(200, Recorded.bytes("buy-response.json", base)));
        answer("GET " + shipment, Reply.of(200, Recorded.bytes("buy-response.json", base)));
        answer("GET " + shipment + "/label?file_format=ZPL", Reply.of(200, Recorded.bytes("label-zpl-response.json", base)));
        answer("GET " + shipment + "/label?file_format=PDF", Reply.of(200, Recorded.bytes("label-pdf-response.json", base)));
        answer("POST " + shipment + "/refund", Reply.of(200, Recorded.bytes("refund-response.json")));
        answer("POST /v2/trackers", Reply.of(200, Recorded.bytes("tracker-response.json")));
        answer("GET /files/postage_label/20261119/label.png", Reply.of(200, new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        answer("GET /files/postage_label/20261119/label.zpl", Reply.of(200, "^XA^FO50,50^FDUPS^FS^XZ".getBytes()));
        answer("GET /files/postage_label/20261119/label.pdf", Reply.of(200, "%PDF-1.4 label".getBytes()));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    EasyPostSettings settings(Duration requestTimeout, int maxAttempts) {
        return new EasyPostSettings(URI.create(baseUrl() + "/v2/"), API_KEY, Duration.ofSeconds(2), requestTimeout,
                maxAttempts, Duration.ofMillis(20), LocalTime.of(16, 0), ZoneId.of("Europe/Riga"));
    }

    void answer(String route, Reply reply) {
        defaults.put(route, reply);
    }

    /** Answers the next calls of the route with these replies, then with its default again. */
    void queue(String route, Reply... replies) {
        queued.computeIfAbsent(route, key -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    long count(String route) {
        return received.stream().filter(r -> (r.method() + " " + r.path()).equals(route)).count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String route = exchange.getRequestMethod() + " " + path;
        received.add(new Received(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestBody().readAllBytes(), Instant.now()));
        Deque<Reply> pending = queued.get(route);
        Reply reply = pending != null && !pending.isEmpty() ? pending.poll()
                : defaults.getOrDefault(route, Reply.of(404, "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"The requested resource could not be found.\",\"errors\":[]}}".getBytes()));
        // A slow carrier answers later from another thread: the exchange stays open until the reply is sent.
        replies.schedule(() -> send(exchange, reply), reply.delay().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void send(HttpExchange exchange, Reply reply) {
        try {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        } catch (IOException e) {
            // The client gave up waiting (a timeout test); nothing to answer.
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        replies.shutdownNow();
    }
}
