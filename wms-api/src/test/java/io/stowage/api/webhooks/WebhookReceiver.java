package io.stowage.api.webhooks;

import io.stowage.api.support.Eventually;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A merchant's webhook receiver on a random local port. It keeps every request as received (raw
 * body bytes and headers) and answers each path from a script: a list of statuses used in turn,
 * the last one repeated; status 0 means "hang until closed" for the killed-instance test.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(String path, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, List<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Integer> served = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers requests to {@code path} with these statuses in turn, repeating the last. */
    public String url(String path, Integer... statuses) {
        scripts.put(path, List.of(statuses));
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits up to {@code limit} for requests at the path that satisfy the condition, and returns them. */
    public List<Received> await(String path, Duration limit, Predicate<List<Received>> condition) {
        Eventually.await(limit, () -> condition.test(at(path)));
        return at(path);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
        received.add(new Received(path, headers, body));
        List<Integer> script = scripts.getOrDefault(path, List.of(404));
        int turn = served.merge(path, 1, Integer::sum) - 1;
        int status = script.get(Math.min(turn, script.size() - 1));
        if (status == 0) {
            try {
                closing.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status = 200;
        }
        byte[] answer = ("answer " + status).getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException gone) {
            // the sender hung up (a killed instance); nothing is left to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    /** All requests, for failure messages. */
    public List<Received> all() {
        return new ArrayList<>(received);
    }
}
