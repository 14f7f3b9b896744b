package io.stowage.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.RawHttp;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * An error answered at once (a refusal thrown before any database work, a 401) used to leave a kept-alive
 * connection deaf: the next request on it got no answer, within a few rounds, with no server thread busy.
 */
class KeepAliveAfterErrorTest extends ApiTest {

    @Autowired
    Environment environment;

    @Test
    void everyRequestAfterAnImmediateErrorOnTheSameConnectionIsAnswered() throws Exception {
        int port = Integer.parseInt(environment.getProperty("local.server.port"));
        Map<String, String> admin = Map.of("Authorization", "Bearer " + ADMIN_KEY);
        try (RawHttp http = new RawHttp(port, Duration.ofSeconds(8))) {
            for (int i = 0; i < 150; i++) {
                assertThat(http.exchange("GET /api/v1/admin/merchants?after=bm90LWEtY3Vyc29y HTTP/1.1", admin, null).status())
                        .as("refused cursor, round " + i).isEqualTo(422);
                assertThat(http.exchange("GET /api/v1/admin/merchants?limit=2 HTTP/1.1", admin, null).status())
                        .as("read after the refusal, round " + i).isEqualTo(200);
                assertThat(http.exchange("GET /api/v1/orders HTTP/1.1", Map.of(), null).status())
                        .as("no key, round " + i).isEqualTo(401);
            }
        }
    }
}
