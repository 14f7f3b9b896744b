package io.stowage.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged service on the README's default path (embedded PostgreSQL under STOWAGE_DATA_DIR,
 * demo data), killed with kill -9 while stores send orders, then started again on the same data
 * directory: every order it answered 2xx is there, and its idempotency key replays it. Twice: the
 * service and its PostgreSQL killed together (the server recovers from its log), then the service
 * alone (its PostgreSQL keeps running, orphaned, and the next start must deal with it).
 */
@Tag("slow")
class CrashRecoveryIT {

    private static final String MERCHANT_KEY = "sk_demo_amber_and_linen";
    private static final List<String> SKUS = List.of("TEE-S-NAVY", "TEE-M-SAND", "TEE-L-OLIVE", "TEE-XL-NAVY",
            "HOOD-S-CHARCOAL", "HOOD-M-AMBER", "HOOD-L-CHARCOAL", "CAP-ONESIZE-NAVY", "CAP-ONESIZE-SAND");
    private static final int CLIENTS = 8;
    private static final int ORDERS_BEFORE_KILL = 60;
    private static final int MAX_ORDERS_PER_CLIENT = 2_000;
    private static final Duration START_PATIENCE = Duration.ofMinutes(4);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Service> services = new ArrayList<>();
    private final Instant began = Instant.now();

    /** An order the service answered 2xx: its key, the exact body sent, and the id it was given. */
    record Placed(String key, String body, String id) {
    }

    record Service(Process process, int port, Path log) {
        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }

    @Test
    void everyOrderAnsweredBeforeACrashIsThereAfterTheRestartAndReplaysByItsKey() throws Exception {
        Service first = start();
        aSecondServiceOnTheSameDataDirectoryIsRefusedAndTouchesNothing();
        Map<String, Placed> placed = new ConcurrentHashMap<>(placeOrdersWhile(first, "both", () -> killServiceAndPostgresql(first)));

        progress("killed service and PostgreSQL with %d orders answered", placed.size());

        Service second = start();
        assertEveryOrderIsThereAndReplays(second, placed);
        progress("restarted after both were killed: all %d there, each key replays its order", placed.size());

        placed.putAll(placeOrdersWhile(second, "service", () -> killServiceAlone(second)));
        long orphan = postmaster().orElseThrow().pid();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("PostgreSQL outlives its killed service").contains(true);

        progress("killed the service alone (PostgreSQL pid %d left running) with %d orders answered in all", orphan, placed.size());

        Service third = start();
        assertThat(Files.readString(third.log())).contains("from a service that did not stop: stopping it");
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).as("the orphan was stopped").isFalse();
        assertEveryOrderIsThereAndReplays(third, placed);
        progress("restarted over the orphan: all %d there, each key replays its order", placed.size());

        // A normal stop takes the embedded PostgreSQL with it.
        long server = postmaster().orElseThrow().pid();
        third.process().destroy();
        assertThat(third.process().waitFor(2, TimeUnit.MINUTES)).as("service stops on SIGTERM").isTrue();
        Eventually.await(() -> postmaster().isEmpty() && ProcessHandle.of(server).map(process -> !process.isAlive()).orElse(true));
        progress("stopped with SIGTERM: PostgreSQL stopped with it");
    }

    @AfterEach
    void killEverything() {
        List<ProcessHandle> all = new ArrayList<>();
        postmaster().flatMap(pidFile -> ProcessHandle.of(pidFile.pid()))
                .filter(process -> LeftoverPostmaster.isPostgresOn(process, postgresDirectory()))
                .ifPresent(postmaster -> all.addAll(withDescendants(postmaster)));
        services.forEach(service -> all.addAll(withDescendants(service.process().toHandle())));
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(process -> process.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(failure -> process).join());
    }

    /** Stores send orders from several threads; once enough are answered, {@code crash} runs while they keep coming. */
    private Map<String, Placed> placeOrdersWhile(Service service, String round, Runnable crash) throws InterruptedException {
        Map<String, Placed> placed = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int client = 0; client < CLIENTS; client++) {
                String prefix = "crash-" + round + "-" + client + "-";
                clients.submit(() -> {
                    for (int i = 0; i < MAX_ORDERS_PER_CLIENT && !stop.get(); i++) {
                        String key = prefix + i;
                        String body = orderBody();
                        post(service, key, body).filter(response -> response.statusCode() / 100 == 2)
                                .ifPresent(response -> placed.put(key, new Placed(key, body, id(response))));
                    }
                });
            }
            Eventually.await(() -> placed.size() >= ORDERS_BEFORE_KILL || !service.process().isAlive());
            assertThat(service.process().isAlive()).as("service alive while orders flow; log: %s", tail(service)).isTrue();
            crash.run();
        } finally {
            stop.set(true);
            clients.shutdown();
            assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).as("clients finish their last request").isTrue();
        }
        assertThat(placed).hasSizeGreaterThanOrEqualTo(ORDERS_BEFORE_KILL);
        return Map.copyOf(placed);
    }

    private void assertEveryOrderIsThereAndReplays(Service service, Map<String, Placed> placed) {
        for (Placed order : placed.values()) {
            HttpResponse<String> read = send(service, HttpRequest.newBuilder(service.uri("/api/v1/orders/" + order.id())).GET())
                    .orElseThrow();
            assertThat(read.statusCode()).as("order %s (key %s) answered 2xx before the crash", order.id(), order.key()).isEqualTo(200);

            HttpResponse<String> replay = post(service, order.key(), order.body()).orElseThrow();
            assertThat(replay.statusCode() / 100).as("replay of key %s: %s", order.key(), replay.body()).isEqualTo(2);
            assertThat(id(replay)).as("replay of key %s gives the same order", order.key()).isEqualTo(order.id());
        }
    }

    private void aSecondServiceOnTheSameDataDirectoryIsRefusedAndTouchesNothing() throws IOException {
        long server = postmaster().orElseThrow().pid();
        Service second = launch();
        Process exited = second.process().onExit().orTimeout(START_PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
        assertThat(exited.exitValue()).as("second service on the same data directory: %s", tail(second)).isNotZero();
        assertThat(Files.readString(second.log())).contains("Another running Stowage uses the database in");
        assertThat(postmaster().orElseThrow().pid()).isEqualTo(server);
        assertThat(ProcessHandle.of(server).map(ProcessHandle::isAlive)).contains(true);
        services.remove(second);
        progress("a second service on the same data directory was refused");
    }

    private Service start() throws IOException {
        Service service = launch();
        Instant deadline = Instant.now().plus(START_PATIENCE);
        while (!healthy(service)) {
            assertThat(service.process().isAlive()).as("service exited while starting; log: %s", tail(service)).isTrue();
            assertThat(Instant.now()).as("service not healthy after %s; log: %s", START_PATIENCE, tail(service)).isBefore(deadline);
            service.process().onExit().completeOnTimeout(null, 250, TimeUnit.MILLISECONDS).join();
        }
        progress("service %d healthy on port %d", services.size(), service.port());
        return service;
    }

    private Service launch() throws IOException {
        int port = freePort();
        Path log = dataDir.resolve("service-" + (services.size() + 1) + ".log");
        // The client JIT only, as the test JVMs run: the services live seconds to a minute, and on two shared
        // cores the optimizing compiler's threads cost more than they win back (a start took 12 s of CPU instead
        // of 19). What is tested, the database's durability and the restart, does not depend on the JIT.
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", serviceJar().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("STOWAGE_") || name.startsWith("SPRING_"));
        environment.put("STOWAGE_DATA_DIR", dataDir.toString());
        environment.put("STOWAGE_DEMO", "true");
        environment.put("STOWAGE_ADMIN_KEY", "crash-test-admin-key");
        environment.put("SERVER_PORT", Integer.toString(port));
        Service service = new Service(builder.start(), port, log);
        services.add(service);
        return service;
    }

    private void progress(String format, Object... arguments) {
        System.out.printf("CrashRecoveryIT %5.1f s: %s%n", Duration.between(began, Instant.now()).toMillis() / 1000.0, format.formatted(arguments));
    }

    private void killServiceAndPostgresql(Service service) {
        List<ProcessHandle> victims = new ArrayList<>(withDescendants(
                ProcessHandle.of(postmaster().orElseThrow().pid()).orElseThrow()));
        victims.add(service.process().toHandle());
        victims.forEach(ProcessHandle::destroyForcibly);
        victims.forEach(process -> assertThat(process.onExit().orTimeout(30, TimeUnit.SECONDS).join().isAlive()).isFalse());
    }

    private void killServiceAlone(Service service) {
        service.process().destroyForcibly();
        assertThat(service.process().onExit().orTimeout(30, TimeUnit.SECONDS).join().isAlive()).isFalse();
    }

    private Optional<HttpResponse<String>> post(Service service, String key, String body) {
        return send(service, HttpRequest.newBuilder(service.uri("/api/v1/orders"))
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The answer, or empty when there was none (the service was killed, or not up yet). */
    private Optional<HttpResponse<String>> send(Service service, HttpRequest.Builder request) {
        try {
            return Optional.of(http.send(request.header("Authorization", "Bearer " + MERCHANT_KEY)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private boolean healthy(Service service) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String orderBody() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String sku = SKUS.get(random.nextInt(SKUS.size()));
        return """
                {"customer": {"name": "Ona Petraitytė", "email": "ona@example.com",
                  "address": {"line": "Gedimino pr. 1", "city": "Vilnius", "postal_code": "01103", "country": "LT",
                              "latitude": 54.6872, "longitude": 25.2797}},
                 "lines": [{"sku": "%s", "quantity": %d}], "service_level": "standard", "channel": "web"}
                """.formatted(sku, 1 + random.nextInt(2));
    }

    private static String id(HttpResponse<String> response) {
        JsonNode order = JSON.readTree(response.body());
        assertThat(order.has("id")).as("an order: %s", response.body()).isTrue();
        return order.get("id").asString();
    }

    private Optional<PostmasterPidFile> postmaster() {
        return PostmasterPidFile.in(postgresDirectory());
    }

    private Path postgresDirectory() {
        return dataDir.resolve("postgres");
    }

    private static List<ProcessHandle> withDescendants(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).toList();
    }

    private static Path serviceJar() {
        Path jar = Path.of(System.getProperty("stowage.service.jar", "target/wms-api-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the packaged service (mvn package)").isRegularFile();
        return jar;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Service service) {
        try {
            List<String> lines = Files.readAllLines(service.log());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
