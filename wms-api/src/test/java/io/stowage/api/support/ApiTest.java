package io.stowage.api.support;

import io.stowage.api.database.DatabaseUrl;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the HTTP tests: the real service on a random port, on a fresh PostgreSQL database for
 * each test class, called through {@link WebTestClient} as a store, a worker or the admin would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "stowage.database.embedded=false",
        "stowage.admin-key=" + ApiTest.ADMIN_KEY,
        "stowage.demo=false"
})
@AutoConfigureWebTestClient
@Import(SchemaCheckingOutbox.Config.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class ApiTest {

    public static final String ADMIN_KEY = "test-admin-key";

    public WebTestClient web;

    /** Generous: the suite shares two cores, and a test should fail on a wrong answer, not a slow one. */
    @Autowired
    void useClient(WebTestClient client) {
        this.web = client.mutate().responseTimeout(Duration.ofSeconds(120)).build();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DatabaseUrl url = TestDatabases.freshDatabase();
        TestDatabases.Server server = TestDatabases.server();
        registry.add("spring.r2dbc.url", url::r2dbc);
        registry.add("spring.r2dbc.username", server::user);
        registry.add("spring.r2dbc.password", server::password);
        registry.add("spring.flyway.url", url::jdbc);
        registry.add("spring.flyway.user", server::user);
        registry.add("spring.flyway.password", server::password);
    }

    /** Every event written during the test matched its published schema (docs/events). */
    @AfterEach
    void eventsMatchTheirSchemas() {
        EventSchemas.assertNoViolations();
    }

    /** A client that sends the given bearer secret. */
    public WebTestClient as(String secret) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + secret).build();
    }

    public WebTestClient admin() {
        return as(ADMIN_KEY);
    }

    /** Creates a merchant and returns its API key. */
    @SuppressWarnings("unchecked")
    public String newMerchant(String name) {
        Map<String, Object> created = admin().post().uri("/api/v1/admin/merchants")
                .bodyValue(Map.of("name", name))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) ((Map<String, Object>) created.get("api_key")).get("secret");
    }
}
