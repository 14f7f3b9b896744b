package io.stowage.scanner.offline;

import com.sun.net.httpserver.HttpServer;
import io.stowage.scanner.service.WmsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue against a server that misbehaves in ways the real service does not (a 5xx, a 200 that
 * is not JSON, a proxy's HTML error page): the confirmation stays queued, is sent again with the
 * same Idempotency-Key, and leaves the queue only on a real answer.
 */
class CourierTest {

    @TempDir
    Path directory;

    private HttpServer server;
    private final List<String> keysSeen = new CopyOnWriteArrayList<>();
    private final List<String> requestsSeen = new CopyOnWriteArrayList<>();
    private volatile int status;
    private volatile String contentType;
    private volatile String body;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            keysSeen.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            requestsSeen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    private Courier courier(Outbox outbox) {
        return new Courier(outbox, new WmsClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(5)));
    }

    private static ObjectNode body() {
        ObjectNode body = WmsClient.JSON.createObjectNode();
        body.put("quantity", 1);
        return body;
    }

    @Test
    void aServerErrorOrGarbageKeepsTheConfirmationQueuedUntilARealAnswer() {
        Outbox outbox = new Outbox(directory);
        Courier courier = courier(outbox);

        answer(503, "text/html", "<html>Bad gateway</html>");
        Delivery first = courier.submit("RF-1-k1", "/moves", body(), "Move", "B1", "wt_1");
        assertThat(first).isInstanceOfSatisfying(Delivery.Queued.class, queued -> {
            assertThat(queued.waiting()).isEqualTo(1);
            assertThat(queued.why()).contains("HTTP 503");
        });

        answer(200, "text/html", "<html>captive portal</html>");
        courier.flush();
        assertThat(outbox.waiting()).isEqualTo(1);
        assertThat(courier.stoppedBecause()).contains("not JSON");

        answer(404, "text/html", "<html>no such page</html>");
        courier.flush();
        assertThat(outbox.waiting()).as("a 404 that is not the service's problem+json is not a refusal").isEqualTo(1);

        answer(201, "application/json", "{\"kind\":\"putaway\"}");
        courier.flush();
        assertThat(outbox.waiting()).isZero();
        assertThat(outbox.refused()).isZero();
        assertThat(keysSeen).hasSize(4).containsOnly("RF-1-k1");
    }

    @Test
    void aRefusalWhileTheWorkerWaitsIsShownAndOneAfterTheFactIsKept() {
        Outbox outbox = new Outbox(directory);
        Courier courier = courier(outbox);
        String problem = "{\"type\":\"https://stowage.io/problems/wrong-product\",\"status\":422,\"detail\":\"This task picks TEE-M-NAVY\"}";

        answer(422, "application/problem+json", problem);
        Delivery now = courier.submit("k-now", "/pick-tasks/1/confirm", body(), "Pick", "B1", "wt_1");
        assertThat(now).isInstanceOfSatisfying(Delivery.Refused.class,
                refused -> assertThat(refused.problem().detail()).isEqualTo("This task picks TEE-M-NAVY"));
        assertThat(outbox.waiting()).isZero();
        assertThat(outbox.refused()).as("the worker saw it on the screen").isZero();

        answer(500, "application/problem+json", "{\"type\":\"https://stowage.io/problems/internal-error\",\"status\":500}");
        courier.submit("k-later", "/pick-tasks/2/confirm", body(), "Pick later", "B1", "wt_1");
        courier.submit("k-after", "/moves", body(), "Move after", "B1", "wt_1");
        assertThat(outbox.waiting()).isEqualTo(2);

        answer(422, "application/problem+json", problem);
        courier.flush();
        assertThat(outbox.waiting()).isZero();
        assertThat(outbox.refusals()).extracting(r -> r.confirmation().summary()).containsExactly("Pick later", "Move after");
    }

    @Test
    void anExpiredSessionHoldsTheQueueInsteadOfDroppingIt() {
        Outbox outbox = new Outbox(directory);
        Courier courier = courier(outbox);

        answer(401, "application/problem+json", "{\"type\":\"https://stowage.io/problems/unauthorized\",\"status\":401,\"detail\":\"Session expired\"}");
        Delivery delivery = courier.submit("k1", "/moves", body(), "Move", "B1", "wt_1");

        assertThat(delivery).isInstanceOfSatisfying(Delivery.Queued.class, queued -> assertThat(queued.why()).contains("log in again as B1"));
        assertThat(outbox.waiting()).isEqualTo(1);
        assertThat(outbox.refused()).isZero();
    }

    /** A carton taken off a load is a DELETE: it waits in line behind the scan that loaded it and goes out as a DELETE with its key. */
    @Test
    void aQueuedDeleteIsSentAsADeleteInItsPlaceWithItsKey() {
        Outbox outbox = new Outbox(directory);
        Courier courier = courier(outbox);

        answer(503, "text/html", "<html>Bad gateway</html>");
        courier.submit("k-load", "/loads/1/cartons", body(), "Load", "B1", "wt_1");
        Delivery queued = courier.submit("k-off", Confirmation.DELETE, "/loads/1/cartons/00123", body(), "Take off", "B1", "wt_1");
        assertThat(queued).isInstanceOf(Delivery.Queued.class);
        assertThat(new Outbox(directory).pending()).as("the method survives a restart").extracting(Confirmation::method)
                .containsExactly("POST", "DELETE");

        requestsSeen.clear();
        keysSeen.clear();
        answer(204, "application/json", "");
        courier.flush();

        assertThat(outbox.waiting()).as("a 204 is an answer").isZero();
        assertThat(requestsSeen).containsExactly("POST /api/v1/loads/1/cartons", "DELETE /api/v1/loads/1/cartons/00123");
        assertThat(keysSeen).containsExactly("k-load", "k-off");
    }
}
