package io.stowage.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error is application/problem+json, including the ones the HTTP server and the framework give
 * before or around any controller: sent over a raw socket, as a client that breaks the rules would.
 */
class FrameworkErrorsTest extends ApiTest {

    @Autowired
    Environment environment;

    String merchantKey;

    @BeforeEach
    void merchant() {
        merchantKey = newMerchant("Framework errors " + System.nanoTime());
    }

    @Test
    void aBadPathEscapeIsAProblem() throws IOException {
        problem(send("GET /api/v1/orders/%zz HTTP/1.1", Map.of("Authorization", "Bearer " + merchantKey), null), 400);
        problem(send("GET /api/v1/products/%zz HTTP/1.1", Map.of(), null), 400);
    }

    @Test
    void aUriLongerThanTheServerReadsIsAProblem() throws IOException {
        problem(send("GET /api/v1/orders?after=" + "x".repeat(20_000) + " HTTP/1.1", Map.of("Authorization", "Bearer " + merchantKey), null), 414);
    }

    @Test
    void headersLargerThanTheServerReadsAreAProblem() throws IOException {
        problem(send("GET /api/v1/orders HTTP/1.1", Map.of("Authorization", "Bearer " + merchantKey, "X-Padding", "y".repeat(40_000)), null), 431);
    }

    @Test
    void aBrokenRequestLineIsAProblem() throws IOException {
        try (RawHttp http = new RawHttp(port(), Duration.ofSeconds(30))) {
            http.sendRaw("GET\u0001 /x HTTP/1.1 junk\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            problem(http.read(), 400);
        }
        problem(send("GET /api/v1/orders HTTP/1.1", Map.of("Bad Header Name", "x"), null), 400);
    }

    @Test
    void unknownRoutesWrongMethodsAndUnreadableMediaTypesAreProblems() throws IOException {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + merchantKey);
        problem(send("GET /api/v1/no-such-route HTTP/1.1", auth, null), 404);
        problem(send("GET /no-such-page HTTP/1.1", Map.of(), null), 404);
        RawHttp.Response wrongMethod = send("DELETE /api/v1/orders HTTP/1.1", auth, null);
        problem(wrongMethod, 405);
        assertThat(wrongMethod.header("Allow")).contains("GET").contains("POST");
        problem(send("GET /api/v1/orders HTTP/1.1", Map.of("Authorization", "Bearer " + merchantKey, "Accept", "application/xml"), null), 406);
        problem(send("POST /api/v1/orders HTTP/1.1", Map.of("Authorization", "Bearer " + merchantKey, "Content-Type", "text/plain",
                "Idempotency-Key", "framework-415"), "hello".getBytes(StandardCharsets.UTF_8)), 415);
        problem(send("POST /api/v1/orders HTTP/1.1", Map.of("Authorization", "Bearer " + merchantKey, "Content-Type", "application/json",
                "Idempotency-Key", "framework-400"), "{\"lines\": [".getBytes(StandardCharsets.UTF_8)), 400);
    }

    @Test
    void aBodyLargerThanTheServiceReadsIsAProblem() throws IOException {
        byte[] huge = new byte[5 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        problem(send("POST /api/v1/orders HTTP/1.1", Map.of("Authorization", "Bearer " + merchantKey, "Content-Type", "application/json",
                "Idempotency-Key", "framework-413"), huge), 413);
    }

    private RawHttp.Response send(String requestLine, Map<String, String> headers, byte[] body) throws IOException {
        try (RawHttp http = new RawHttp(port(), Duration.ofSeconds(60))) {
            return http.exchange(requestLine, headers, body);
        }
    }

    private void problem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(response.body());
        assertThat(problem.path("type").asString()).as(response.body()).startsWith("https://stowage.io/problems/");
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    private int port() {
        return Integer.parseInt(environment.getProperty("local.server.port"));
    }
}
