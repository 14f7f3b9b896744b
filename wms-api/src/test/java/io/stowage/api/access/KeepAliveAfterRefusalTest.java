package io.stowage.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * A request refused before its body is read (no key: 401) must leave the kept-alive connection
 * usable: the next request on it gets its answer, every time.
 */
@Tag("slow")
class KeepAliveAfterRefusalTest extends ApiTest {

    @Autowired
    Environment environment;

    @Test
    void theRequestAfterAnUnauthenticatedPostOnTheSameConnectionIsAnswered() throws Exception {
        String merchantKey = newMerchant("Keep-alive " + System.nanoTime());
        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        byte[] order = ("{\"customer\":{\"name\":\"Ona\",\"email\":\"ona@example.com\",\"address\":{\"line\":\"Gedimino pr. 1\","
                + "\"city\":\"Vilnius\",\"postal_code\":\"01103\",\"country\":\"LT\"}},\"lines\":[{\"sku\":\"NONE\",\"quantity\":1}],"
                + "\"note\":\"" + "x".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Map<String, String> json = Map.of("Content-Type", "application/json");
        // One raw connection: the refusal either leaves it usable or says it closes it (and does), never neither.
        RawHttp http = new RawHttp(port, Duration.ofSeconds(10));
        try {
            for (int i = 0; i < 100; i++) {
                RawHttp.Response refused = http.exchange("POST /api/v1/orders HTTP/1.1", json, order);
                assertThat(refused.status()).as("round " + i).isEqualTo(401);
                if ("close".equalsIgnoreCase(refused.header("Connection"))) {
                    assertThat(http.atEnd()).as("the server closes what it said it closes").isTrue();
                    http.close();
                    http = new RawHttp(port, Duration.ofSeconds(10));
                }
                RawHttp.Response answered = http.exchange("GET /api/v1/merchant HTTP/1.1", Map.of("Authorization", "Bearer " + merchantKey), null);
                assertThat(answered.status()).as("round " + i).isEqualTo(200);
            }
        } finally {
            http.close();
        }
        // A client that pools connections, as stores' integrations do: every request answered within the bound. 100 rounds each: at the 3 % rate seen before the fix, 200 refusals show a hang in all but about 2 of 1,000 runs.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        URI orders = URI.create("http://localhost:" + port + "/api/v1/orders");
        URI merchant = URI.create("http://localhost:" + port + "/api/v1/merchant");
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(orders).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(order)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as("round " + i).isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            HttpResponse<String> answered = client.send(HttpRequest.newBuilder(merchant).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + merchantKey).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answered.statusCode()).as("round " + i).isEqualTo(200);
        }
    }
}
