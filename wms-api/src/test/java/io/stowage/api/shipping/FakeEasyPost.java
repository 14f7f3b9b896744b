package io.stowage.api.shipping;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * EasyPost as its API documents it, on 127.0.0.1: every rate request creates a new shipment (so a
 * purchase that quoted again would buy a second label), a purchase, the bought shipment read back,
 * label conversions and downloads. Like EasyPost it buys a shipment once: a second purchase of the
 * same shipment is refused with {@code SHIPMENT.POSTAGE.EXISTS}. {@link #holdFirstPurchase} makes
 * the first purchase go through at EasyPost but never answer, as when the buyer dies waiting.
 */
final class FakeEasyPost implements AutoCloseable {

    /** The shipment id in the recorded answers, replaced by one per created shipment. */
    private static final String RECORDED_ID = "shp_9f1c2a7d4e2b4b0f8a6d3c1e5b7a9d20";
    static final String TRACKING_CODE = "1Z999AA10123456784";

    private final HttpServer server;
    private final AtomicInteger purchases = new AtomicInteger();
    private final AtomicInteger shipments = new AtomicInteger();
    private final java.util.Set<String> bought = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger buyCalls = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean holdFirstPurchase;

    FakeEasyPost() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2/";
    }

    void holdFirstPurchase() {
        holdFirstPurchase = true;
    }

    /** Labels EasyPost sold (charged for). */
    int purchases() {
        return purchases.get();
    }

    /** Purchase requests received, repeats included. */
    int buyCalls() {
        return buyCalls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        exchange.getRequestBody().readAllBytes();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        if (route.equals("POST /v2/shipments")) {
            String id = "shp_" + String.format("%032d", shipments.incrementAndGet());
            reply(exchange, 201, recorded("shipment-response.json", base, id));
            return;
        }
        java.util.regex.Matcher shipment = java.util.regex.Pattern.compile("(GET|POST) /v2/shipments/(shp_[0-9]+)(.*)").matcher(route);
        if (shipment.matches()) {
            String id = shipment.group(2);
            switch (shipment.group(1) + " " + shipment.group(3)) {
                case "POST /buy" -> buy(exchange, base, id);
                case "GET " -> reply(exchange, 200, recorded(bought.contains(id) ? "buy-response.json" : "shipment-response.json", base, id));
                case "GET /label?file_format=ZPL" -> reply(exchange, 200, recorded("label-zpl-response.json", base, id));
                case "GET /label?file_format=PDF" -> reply(exchange, 200, recorded("label-pdf-response.json", base, id));
                default -> reply(exchange, 404, NOT_FOUND);
            }
            return;
        }
        switch (route) {
            case "GET /files/postage_label/20261119/label.png" -> reply(exchange, 200, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
            case "GET /files/postage_label/20261119/label.zpl" -> reply(exchange, 200, ("^XA^FDUPS " + TRACKING_CODE + "^FS^XZ").getBytes());
            case "GET /files/postage_label/20261119/label.pdf" -> reply(exchange, 200, "%PDF-1.4 label".getBytes());
            default -> reply(exchange, 404, NOT_FOUND);
        }
    }

    private static final byte[] NOT_FOUND = "{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"not found\",\"errors\":[]}}".getBytes();

    private void buy(HttpExchange exchange, String base, String id) throws IOException {
        buyCalls.incrementAndGet();
        if (!bought.add(id)) {
            reply(exchange, 422, "{\"error\":{\"code\":\"SHIPMENT.POSTAGE.EXISTS\",\"message\":\"This shipment already has postage.\",\"errors\":[]}}"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (purchases.incrementAndGet() == 1 && holdFirstPurchase) {
            try {
                // Bought and charged; the answer never leaves while the buyer lives.
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        reply(exchange, 200, recorded("buy-response.json", base, id));
    }

    private static byte[] recorded(String name, String base, String shipmentId) {
        try (InputStream in = FakeEasyPost.class.getResourceAsStream("/shipping/easypost/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{BASE}}", base).replace(RECORDED_ID, shipmentId)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
