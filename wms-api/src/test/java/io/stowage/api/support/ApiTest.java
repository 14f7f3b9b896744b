package io.stowage.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.StowageApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the HTTP tests: the real service on a random port on a real PostgreSQL, called through
 * {@link WebTestClient} as a store, a worker or the admin would.
 *
 * <p>One application context and one database serve every test class in the JVM that adds no
 * configuration of its own: Spring's context cache hands the same started service to each of them,
 * so the service boots and Flyway migrates once. Tests therefore share the database with every
 * class that ran before them, and must be written for it:
 * <ul>
 *   <li>each test makes its own merchant ({@link #newMerchant}, {@link World#create}) and sees only
 *       its rows through the API; queries in a test are filtered by its merchant, node or ids;</li>
 *   <li>codes that are unique across the whole database (node codes, worker badges) come from
 *       {@link #unique}; SKUs, references and idempotency keys are per merchant and may be fixed;</li>
 *   <li>no assertion counts rows or list entries across all merchants ("the only order", "no
 *       merchants yet"); admin lists are searched for the test's own entries instead;</li>
 *   <li>background loops (outbox fan-out, webhook and email delivery, backorders, waves) run for
 *       everyone: wait for the test's own rows with {@link Eventually#await}.</li>
 * </ul>
 *
 * <p>A class that truly needs another configuration (properties of its own such as short polling
 * intervals or leases, a loop switched off so that the test drives it, extra beans, the demo data)
 * gets a second context, and that context must run on a database of its own, where no other
 * context's loops act on its rows (nor its loops on theirs): a second configuration on the shared
 * database is refused at start with this advice. Each distinct configuration costs a service start
 * (not a migration: every test database is a copy of the JVM's migrated template, see
 * {@link TestDatabases}), so choose in this order:
 * <ol>
 *   <li>the shared context, whenever the test can do without settings of its own;</li>
 *   <li>an existing group: {@link FastDeliveryTest} (webhooks and emails delivered within seconds to
 *       receivers on this machine) or {@link DrivenLoopsTest} (delivery driven by the test, short
 *       leases for take-overs); a group's classes share one context and database, so a property
 *       added to a group must suit every class in it;</li>
 *   <li>a configuration of its own, annotated {@link OwnDatabase}, for a test that fits neither, such
 *       as one that sweeps whole tables (RetentionTest) or loads the demo data (DemoDataTest).</li>
 * </ol>
 * A test that needs a second service instance starts it with {@link #secondInstance}, on this
 * context's database.
 *
 * <p>A class that changes what every test of its service reads (a clock, a setting) is marked
 * {@code @Isolated}: classes run four at a time in the one test JVM, and the mark keeps it alone
 * (docs/DECISIONS.md, "Test classes concurrently in one JVM"). A class that needs the service's
 * background loops to itself takes a {@code @ResourceLock} (as {@link DrivenLoopsTest} does). A
 * {@link #secondInstance} on the shared database runs every loop, claims other classes' work and may
 * be stopped in the middle of it, leaving that work to its lease: a class that starts one takes
 * {@link #SECOND_INSTANCES} in {@code READ} mode, and a class that waits for work claimed under a lease
 * longer than its patience (a day plan's, two minutes) takes it in {@code READ_WRITE} mode.
 *
 * <p>Tests that start processes, kill things or run for tens of seconds are
 * {@code @Tag("slow")}: the plain {@code mvn verify} skips them and {@code mvn verify -Pslow} (CI)
 * runs them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "stowage.database.embedded=false",
        "stowage.admin-key=" + ApiTest.ADMIN_KEY,
        "stowage.demo=false",
        // Carrier API keys are encrypted at rest with this key (32 bytes, base64); a test value.
        "stowage.shipping.credentials-key=" + ApiTest.CARRIER_CREDENTIALS_KEY,
        // The lot shortfall pass runs every 2 s in service; tests wait for it, so it runs more often here.
        "stowage.orders.lot-shortfall-poll=PT0.25S",
        // Every wave release plans the carrier day in the background; the tests' days hold a handful of
        // parcels, whose plan settles in well under a second, so the solver stops sooner than in service.
        "stowage.dayplan.unimproved-limit=PT0.3S",
        // Closing a context disposes Reactor Netty's shared event loops after a quiet period (2 s by default), in which
        // nothing else happens: every second instance a test stops, and every cached context at the JVM's end, waited
        // for it. Tests have no requests in flight when they stop a service (docs/performance.md, "Suite time").
        "spring.reactor.netty.shutdown-quiet-period=0s"
})
@AutoConfigureWebTestClient
@Import({SchemaCheckingOutbox.Config.class, OwnReactorResources.class})
@ContextCustomizerFactories(TestDatabaseCustomizerFactory.class)
public abstract class ApiTest {

    public static final String ADMIN_KEY = "test-admin-key";
    public static final String CARRIER_CREDENTIALS_KEY = "c3Rvd2FnZS10ZXN0LWNyZWRlbnRpYWxzLWtleS0zMmI=";

    /** The resource lock of the classes that start a {@link #secondInstance} on the shared database (see above). */
    public static final String SECOND_INSTANCES = "second instances on the shared database";

    public WebTestClient web;

    @Autowired
    private Environment testEnvironment;

    /** Generous: the suite shares two cores, and a test should fail on a wrong answer, not a slow one. */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(120);

    @Autowired
    void useClient(WebTestClient client) {
        this.web = client.mutate().responseTimeout(RESPONSE_TIMEOUT).build();
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

    /**
     * A code no other test in the shared database uses: the prefix, a dash and eight random
     * characters (node codes, worker badges and other codes unique across merchants).
     */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The books of one merchant agree: its ledger with its stock balances, its reservations with its
     * allocations and its order lines with allocations plus waiting units. Other tests' rows in the
     * shared database are not this test's to judge.
     */
    public void assertBooksAgree(String merchantId) {
        for (String report : List.of("/api/v1/admin/stock/reconciliation", "/api/v1/admin/orders/reconciliation")) {
            List<Map<String, Object>> discrepancies = admin().get().uri(report).exchange().expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
            assertThat(discrepancies).as(report).filteredOn(d -> merchantId.equals(d.get("merchant_id"))).isEmpty();
        }
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

    /**
     * Another instance of the service on this context's database, as a second node behind the load
     * balancer would be; {@code properties} ({@code name=value}) are added to or override its settings.
     */
    public ConfigurableApplicationContext secondInstance(String... properties) {
        List<String> arguments = new ArrayList<>();
        for (String name : List.of("spring.r2dbc.url", "spring.r2dbc.username", "spring.r2dbc.password",
                "spring.flyway.url", "spring.flyway.user", "spring.flyway.password")) {
            arguments.add("--" + name + "=" + testEnvironment.getProperty(name));
        }
        arguments.addAll(List.of("--server.port=0", "--stowage.database.embedded=false", "--stowage.admin-key=" + ADMIN_KEY,
                "--stowage.demo=false", "--stowage.shipping.credentials-key=" + CARRIER_CREDENTIALS_KEY,
                "--spring.reactor.netty.shutdown-quiet-period=0s"));
        for (String property : properties) {
            arguments.add("--" + property);
        }
        return new SpringApplicationBuilder(StowageApplication.class, OwnReactorResources.class).run(arguments.toArray(String[]::new));
    }
}
