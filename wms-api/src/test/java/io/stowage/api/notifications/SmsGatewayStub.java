package io.stowage.api.notifications;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMS gateway on this machine, for tests: it records every message posted to {@code /sms} and
 * answers each with the next status scripted for its number (200 once the script runs out).
 */
final class SmsGatewayStub implements AutoCloseable {

    record Received(String to, String body, String idempotencyKey, String authorization, int answered) {
    }

    private static final Pattern TO = Pattern.compile("\"to\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();

    SmsGatewayStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/sms", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher to = TO.matcher(body);
            String number = to.find() ? to.group(1) : "";
            Deque<Integer> script = scripts.get(number);
            Integer scripted = script == null ? null : script.poll();
            int status = scripted == null ? 200 : scripted;
            received.add(new Received(number, body, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("Authorization"), status));
            byte[] answer = (status == 200 ? "{\"id\":\"gw-" + received.size() + "\"}" : "{\"error\":\"scripted " + status + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    /** The statuses the gateway answers the number's next messages with, in order. */
    void script(String number, Integer... statuses) {
        scripts.put(number, new ArrayDeque<>(List.of(statuses)));
    }

    List<Received> to(String number) {
        return received.stream().filter(r -> r.to().equals(number)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
