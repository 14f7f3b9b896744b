package io.stowage.scanner.pick;

import com.sun.net.httpserver.HttpServer;
import io.stowage.scanner.console.Input;
import io.stowage.scanner.console.Key;
import io.stowage.scanner.flow.Floor;
import io.stowage.scanner.flow.Next;
import io.stowage.scanner.flow.WorkerSession;
import io.stowage.scanner.offline.Outbox;
import io.stowage.scanner.screen.Notice;
import io.stowage.scanner.service.WmsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The next batch is read only once the picks confirmed on the device have reached the service, by the
 * floor's one "send what waits" step: until then Enter says what still waits and why.
 */
class PickFlowTest {

    @TempDir
    Path directory;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int confirmStatus;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestURI().getPath().endsWith("/confirm") && confirmStatus != 200) {
                exchange.getResponseHeaders().add("Content-Type", "text/html");
                byte[] page = "<html>Bad gateway</html>".getBytes();
                exchange.sendResponseHeaders(confirmStatus, page.length);
                exchange.getResponseBody().write(page);
            } else if (exchange.getRequestURI().getPath().endsWith("/confirm")) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                byte[] body = "{\"added_tasks\":[]}".getBytes();
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void enterReadsTheNextBatchOnlyOnceThePicksOnTheDeviceAreSent() {
        Floor floor = new Floor(new WmsClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(5)),
                new Outbox(directory), "RF-T", Clock.systemUTC());
        floor.loggedIn(new WorkerSession("B1", "Picker", Set.of("picker"), "wt_1"));
        PickFlow flow = new PickFlow(floor);
        confirmStatus = 503;
        floor.confirm("/pick-tasks/t1/confirm", floor.newBody().put("quantity", 1), "Pick TEE-M-NAVY x1");
        requests.clear();

        Next stillWaiting = flow.on(new Input.Pressed(Key.ENTER));

        assertThat(notice(stillWaiting)).isEqualTo(Notice.error("Still 1 to send: Service answered wrongly (HTTP 503)"));
        assertThat(requests).as("no batch is read while a pick waits").containsExactly("POST /api/v1/pick-tasks/t1/confirm");

        confirmStatus = 200;
        requests.clear();
        Next sent = flow.on(new Input.Pressed(Key.ENTER));

        assertThat(((Next.Stay) sent).notice()).isEmpty();
        assertThat(requests).containsExactly("POST /api/v1/pick-tasks/t1/confirm", "GET /api/v1/pick-tasks/next");
        assertThat(floor.outbox().waiting()).isZero();
        assertThat(flow.screen().instruction()).isEqualTo("Nothing to pick");
    }

    private static Notice notice(Next next) {
        return ((Next.Stay) next).notice().orElseThrow();
    }
}
