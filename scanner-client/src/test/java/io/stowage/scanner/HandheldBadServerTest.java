package io.stowage.scanner;

import com.sun.net.httpserver.HttpServer;
import io.stowage.scanner.console.InputReader;
import io.stowage.scanner.console.ScriptSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device against a server that answers what the real service never does (a 5xx, a page that is
 * not JSON, JSON of the wrong shape): every screen stays clear, nothing is thrown at the worker.
 */
class HandheldBadServerTest {

    @TempDir
    Path data;

    private HttpServer server;
    /** Path to status and body; a missing path answers 404 with an HTML page. */
    private final Map<String, Object[]> answers = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            Object[] answer = answers.getOrDefault(path, new Object[] {404, "<html>Not here</html>"});
            byte[] bytes = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders((Integer) answer[0], bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ScriptSession session(ByteArrayOutputStream printed) throws Exception {
        ClientOptions options = ClientOptions.parse(new String[] {"--server", "http://127.0.0.1:" + server.getAddress().getPort(),
                "--data-dir", data.toString(), "--device", "RF-BAD", "--timeout", "3"});
        Handheld handheld = ScannerMain.handheld(options);
        InputReader inputs = ScannerMain.inputReader(options);
        return new ScriptSession(handheld, inputs, new PrintStream(printed, true, StandardCharsets.UTF_8), 20, 16);
    }

    private static String flat(java.util.List<String> lines) {
        return String.join(" ", lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    @Test
    void serverErrorsAndGarbageGetAClearScreenNeverAStackTrace() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ScriptSession rf = session(printed);

        answers.put("/api/v1/auth/worker-sessions", new Object[] {502, "<html>Bad gateway</html>"});
        rf.feed("B1002");
        assertThat(flat(rf.feed("1234"))).contains("Cannot log in", "HTTP 502", "Scan your badge");

        answers.put("/api/v1/auth/worker-sessions", new Object[] {201, "Welcome!"});
        rf.feed("B1002");
        assertThat(flat(rf.feed("1234"))).contains("Cannot log in", "not JSON");

        answers.put("/api/v1/auth/worker-sessions", new Object[] {201, "{\"token\": \"wt_x\", \"name\": \"Rūta\", \"roles\": [\"picker\"]}"});
        answers.put("/api/v1/pick-tasks/next", new Object[] {200, "{\"tasks\": \"not a list\", \"surprise\": [1, 2]}"});
        rf.feed("B1002");
        assertThat(flat(rf.feed("1234"))).contains("Choose a task", "1 Pick");
        assertThat(flat(rf.feed("1"))).contains("PICK").doesNotContain("Exception");
        rf.feed("<ESC>");

        answers.put("/api/v1/pick-tasks/next", new Object[] {500, "{\"oops\": true}"});
        assertThat(flat(rf.feed("1"))).contains("No pick list", "needs the service", "HTTP 500");
        assertThat(flat(rf.feed(""))).contains("No pick list");
        assertThat(flat(rf.feed("<ESC>"))).contains("Choose a task");

        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("Exception", "at io.stowage", "\tat ");
        assertThat(Files.exists(data.resolve("client.log"))).as("nothing failed on the device itself").isFalse();
    }
}
