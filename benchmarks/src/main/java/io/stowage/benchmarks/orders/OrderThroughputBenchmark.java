package io.stowage.benchmarks.orders;

import static io.stowage.benchmarks.service.RunReport.loadAverage;
import static io.stowage.benchmarks.service.RunReport.option;
import static io.stowage.benchmarks.service.RunReport.percentile;
import static io.stowage.benchmarks.service.ServiceApi.expect;
import static io.stowage.benchmarks.service.ServiceApi.match;

import io.stowage.benchmarks.service.ServiceApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Order intake throughput against the raw-SQL limit. Starts the service jar on its embedded
 * PostgreSQL (a fresh data directory), sets up a merchant with three warehouses and a catalog whose
 * stock runs short for some SKUs, then replays five minutes of a busy shop's traffic (by default 20
 * orders a second, 6,000 orders of 1 to 3 lines) as fast as the service takes them from many
 * concurrent clients. While orders flow it samples what the database sessions wait on. Prints
 * orders per second accepted, p50/p99 latency, the consistency checks (the ledger against the
 * balances, reservations against open order allocations), then runs pgbench with
 * {@code benchmarks/pgbench/order-intake.sql} (the same order's SQL in one transaction) on the same
 * database with as many clients and orders, and prints its transactions per second and the ratio.
 * Last, the p50/p99 of availability for 500 variants in one request.
 * <p>
 * {@code java -cp benchmarks/target/classes:<postgresql jdbc jar> io.stowage.benchmarks.orders.OrderThroughputBenchmark
 * --jar wms-api/target/wms-api-0.1.0-SNAPSHOT.jar [--orders 6000] [--warm-up 1000] [--clients 32] [--rate 0] [--skus 60] [--pgbench /usr/bin/pgbench]
 * [--availability-requests 200] [--diagnose]}; docs/performance.md has the command through Maven.
 * {@code --rate R} offers the measured orders at R a second (open loop, at most {@code --clients} in flight) instead of as
 * fast as the service takes them, for the latency a shop sees at its own pace. {@code --warm-up} orders go first and are reported on their own (0 skips them); the CPU that the service and its
 * PostgreSQL spend per order is printed for the warm-up, the measured intake and the raw SQL.
 * {@code --diagnose} restarts the service once with pg_stat_statements loaded and prints the
 * statements an order costs.
 */
public final class OrderThroughputBenchmark {

    private static final String ADMIN_KEY = "benchmark-admin-key";
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z_]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String[][] WAREHOUSES = {
            {"BVNO", "Vilnius", "LT", "54.6719", "25.2421", "Europe/Vilnius"},
            {"BRIX", "Riga", "LV", "56.9496", "24.1052", "Europe/Riga"},
            {"BTLL", "Tallinn", "EE", "59.4370", "24.7536", "Europe/Tallinn"}};
    /** Availability is read for this many variants in one request: the route's maximum. */
    private static final int AVAILABILITY_VARIANTS = 500;

    private final ServiceApi api;

    private OrderThroughputBenchmark(ServiceApi api) {
        this.api = api;
    }

    /** A merchant set up for the run: its id and API key. */
    private record Shop(String merchantId, String apiKey) {
    }

    /** What the intake run measured. */
    private record Intake(int accepted, double ordersPerSecond, double p50Ms, double p99Ms) {
    }

    public static void main(String[] args) throws Exception {
        String jar = option(args, "--jar", "wms-api/target/wms-api-0.1.0-SNAPSHOT.jar");
        int orders = Integer.parseInt(option(args, "--orders", "6000"));
        int warmUp = Integer.parseInt(option(args, "--warm-up", "1000"));
        int clients = Integer.parseInt(option(args, "--clients", "32"));
        double rate = Double.parseDouble(option(args, "--rate", "0"));
        int skus = Integer.parseInt(option(args, "--skus", "60"));
        int availabilityRequests = Integer.parseInt(option(args, "--availability-requests", "200"));
        Path script = Path.of(option(args, "--pgbench-script", "benchmarks/pgbench/order-intake.sql"));
        String pgbenchOption = option(args, "--pgbench", null);
        boolean diagnose = List.of(args).contains("--diagnose");
        if (skus < 3) {
            throw new IllegalArgumentException("--skus must be at least 3: orders have up to three distinct SKUs");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("stowage-bench");
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %s; data in %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), dataDir);
        Process service = start(jar, dataDir, port);
        try {
            OrderThroughputBenchmark bench = new OrderThroughputBenchmark(new ServiceApi(port, Duration.ofSeconds(60)));
            bench.api.awaitUp(service, dataDir.resolve("service.log"));
            Shop shop = bench.setUp(skus);
            DatabaseProbe probe = DatabaseProbe.open(dataDir.resolve("postgres"));
            if (diagnose && !probe.preloadStatementStatistics()) {
                probe.close();
                stop(service);
                service = start(jar, dataDir, port);
                bench.api.awaitUp(service, dataDir.resolve("service.log"));
                probe = DatabaseProbe.open(dataDir.resolve("postgres"));
            }
            try (DatabaseProbe db = probe) {
                System.out.println("database: PostgreSQL " + db.version() + ", " + db.durability());
                if (diagnose) {
                    db.resetStatementStatistics();
                }
                CpuMeter cpu = CpuMeter.of(service, dataDir.resolve("postgres"));
                if (warmUp > 0) {
                    CpuMeter.Reading warmUpStart = cpu == null ? null : cpu.read();
                    bench.run("warm-up", "warm-up-", 4242, shop.apiKey(), warmUp, clients, 0, skus);
                    if (cpu != null) {
                        System.out.print(CpuMeter.perOrder("during the warm-up", warmUpStart, cpu.read(), warmUp));
                    }
                }
                long[] before = db.transactionCounters();
                CpuMeter.Reading intakeStart = cpu == null ? null : cpu.read();
                DatabaseProbe.Sampler sampler = db.startSampling();
                Intake intake = bench.run(warmUp > 0 ? "measured, after the warm-up" : "measured, no warm-up", "bench-", 42,
                        shop.apiKey(), orders, clients, rate, skus);
                String sampled = sampler.stop();
                if (cpu != null) {
                    System.out.print(CpuMeter.perOrder("during intake", intakeStart, cpu.read(), intake.accepted()));
                }
                long[] after = db.transactionCounters();
                System.out.printf(Locale.ROOT, "database transactions during the run: %d committed, %d rolled back, %d deadlocks%n",
                        after[0] - before[0], after[1] - before[1], after[2] - before[2]);
                System.out.print(sampled);
                if (diagnose) {
                    System.out.print(db.statementStatistics(intake.accepted(), 25));
                }
                boolean consistent = bench.consistent("after intake");
                Optional<Path> pgbench = RawSqlBaseline.find(pgbenchOption);
                if (pgbench.isEmpty()) {
                    System.out.println("raw SQL: SKIPPED, no pgbench found (give --pgbench PATH, set PGBENCH, or put it on the PATH;"
                            + " on Debian: apt-get install postgresql-client)");
                } else {
                    CpuMeter.Reading rawStart = cpu == null ? null : cpu.read();
                    RawSqlBaseline.Result raw = RawSqlBaseline.run(pgbench.get(), script, db.port(), shop.merchantId(), shop.apiKey(),
                            skus, clients, orders, dataDir);
                    if (cpu != null) {
                        System.out.print(CpuMeter.perOrder("during raw SQL", rawStart, cpu.read(), (int) raw.transactions()));
                    }
                    System.out.printf(Locale.ROOT, "raw SQL (pgbench %s, %d clients): %d orders, %.1f tps, p50 %.1f ms, p99 %.1f ms, failed %d%n",
                            script, clients, raw.transactions(), raw.tps(), raw.p50Ms(), raw.p99Ms(), raw.failed());
                    System.out.printf(Locale.ROOT, "intake / raw SQL = %.1f / %.1f = %.2f%n",
                            intake.ordersPerSecond(), raw.tps(), intake.ordersPerSecond() / raw.tps());
                    consistent &= bench.consistent("after raw SQL");
                }
                if (availabilityRequests > 0) {
                    bench.availability(shop, skus, availabilityRequests);
                }
                System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
                if (!consistent) {
                    System.exit(1);
                }
            }
        } finally {
            stop(service);
        }
    }

    private static Process start(String jar, Path dataDir, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("service.log").toFile()));
        builder.environment().put("STOWAGE_DATA_DIR", dataDir.toString());
        builder.environment().put("STOWAGE_ADMIN_KEY", ADMIN_KEY);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("STOWAGE_DEMO", "false");
        return builder.start();
    }

    private static void stop(Process service) throws InterruptedException {
        service.destroy();
        service.waitFor();
    }



    /** A merchant, three warehouses with a dock and a receiver each, and a catalog received with uneven stock. */
    private Shop setUp(int skus) throws Exception {
        String merchantKey = match(SECRET, expect(api.send("POST", "/api/v1/admin/merchants", ADMIN_KEY, null, "{\"name\":\"Busy shop\"}"), 201));
        StringBuilder variants = new StringBuilder();
        for (int s = 0; s < skus; s++) {
            variants.append(s == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"sku\":\"SKU-%03d\",\"name\":\"Item %d\",\"weight_g\":300,\"length_mm\":200,\"width_mm\":150,\"height_mm\":50}", s, s));
        }
        expect(api.send("PUT", "/api/v1/products/BENCH", merchantKey, null, "{\"name\":\"Bench goods\",\"variants\":[" + variants + "]}"), 200, 201);
        Random random = new Random(7);
        for (String[] w : WAREHOUSES) {
            expect(api.send("POST", "/api/v1/nodes", ADMIN_KEY, null, String.format(Locale.ROOT,
                    "{\"code\":\"%s\",\"kind\":\"warehouse\",\"name\":\"%s\",\"address\":{\"line\":\"1\",\"city\":\"%s\",\"postal_code\":\"1\",\"country\":\"%s\"},"
                            + "\"latitude\":%s,\"longitude\":%s,\"time_zone\":\"%s\"}", w[0], w[1], w[1], w[2], w[3], w[4], w[5])), 201);
            expect(api.send("POST", "/api/v1/nodes/" + w[0] + "/locations", ADMIN_KEY, null,
                    "{\"locations\":[{\"code\":\"" + w[0] + "-DOCK\",\"type\":\"dock\",\"x_mm\":0,\"y_mm\":0}]}"), 201);
            expect(api.send("POST", "/api/v1/admin/workers", ADMIN_KEY, null, String.format(Locale.ROOT,
                    "{\"badge_code\":\"R%s\",\"name\":\"Receiver\",\"pin\":\"4321\",\"node_code\":\"%s\",\"roles\":[\"receiver\"]}", w[0], w[0])), 201);
            String token = match(TOKEN, expect(api.send("POST", "/api/v1/auth/worker-sessions", null, null,
                    "{\"badge_code\":\"R" + w[0] + "\",\"pin\":\"4321\",\"device_id\":\"BENCH\"}"), 201));
            String merchantId = match(ID, expect(api.send("GET", "/api/v1/merchant", merchantKey, null, null), 200));
            List<Callable<String>> receipts = new ArrayList<>();
            for (int s = 0; s < skus; s++) {
                // Every fifth SKU is scarce, so that backorders and splits happen under load too.
                int quantity = s % 5 == 0 ? 1 + random.nextInt(20) : 200 + random.nextInt(300);
                String key = "rcv-" + w[0] + "-" + s;
                String body = String.format(Locale.ROOT,
                        "{\"merchant_id\":\"%s\",\"sku\":\"SKU-%03d\",\"quantity\":%d,\"location_code\":\"%s-DOCK\"}", merchantId, s, quantity, w[0]);
                receipts.add(() -> expect(api.send("POST", "/api/v1/receipts", token, key, body), 201));
            }
            inParallel(receipts);
        }
        return new Shop(match(ID, expect(api.send("GET", "/api/v1/merchant", merchantKey, null, null), 200)), merchantKey);
    }

    /**
     * Sends {@code orders} orders from {@code clients} concurrent clients as fast as the service takes them and prints what
     * it measured under {@code phase}: the warm-up's orders (other keys, other bodies) let the JIT compile the hot paths
     * before the measured ones, whose first seconds would otherwise set the p99.
     */
    private Intake run(String phase, String keyPrefix, long seed, String merchantKey, int orders, int clients, double rate, int skus)
            throws Exception {
        System.out.println("intake, " + phase + (rate > 0
                ? String.format(Locale.ROOT, ", offered at %.1f orders/s (latency counted from when each order was due):", rate)
                : ", as fast as the service takes them:"));
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>();
        double[][] cities = {{54.69, 25.28, 0}, {54.90, 23.90, 0}, {56.95, 24.10, 1}, {59.43, 24.75, 2}, {57.54, 25.42, 1}};
        String[] countries = {"LT", "LV", "EE"};
        for (int i = 0; i < orders; i++) {
            int lineCount = 1 + random.nextInt(3);
            List<Integer> picked = new ArrayList<>();
            while (picked.size() < lineCount) {
                int sku = random.nextInt(skus);
                if (!picked.contains(sku)) {
                    picked.add(sku);
                }
            }
            StringBuilder lines = new StringBuilder();
            for (int l = 0; l < picked.size(); l++) {
                lines.append(l == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"sku\":\"SKU-%03d\",\"quantity\":%d}",
                        picked.get(l), 1 + random.nextInt(2)));
            }
            double[] city = cities[random.nextInt(cities.length)];
            bodies.add(String.format(Locale.ROOT, "{\"customer\":{\"name\":\"Customer %d\",\"email\":\"c%d@example.com\","
                            + "\"address\":{\"line\":\"Street %d\",\"city\":\"City\",\"postal_code\":\"00000\",\"country\":\"%s\","
                            + "\"latitude\":%.4f,\"longitude\":%.4f}},\"lines\":[%s],\"service_level\":\"%s\",\"channel\":\"web\"}",
                    i, i, i, countries[(int) city[2]], city[0] + random.nextGaussian() * 0.05, city[1] + random.nextGaussian() * 0.05,
                    lines, random.nextInt(10) == 0 ? "express" : "standard"));
        }
        Semaphore inFlight = new Semaphore(clients);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> statuses = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            long sent;
            if (rate > 0) {
                // Open loop: order i is due at start + i / rate whatever the answers before it, so a slow answer is not hidden
                // by the next order being sent late (its wait for a free client counts in its latency).
                sent = start + (long) (i * 1e9 / rate);
                long early = sent - System.nanoTime();
                if (early > 0) {
                    Thread.sleep(early / 1_000_000, (int) (early % 1_000_000));
                }
                inFlight.acquire();
            } else {
                inFlight.acquire();
                sent = System.nanoTime();
            }
            HttpRequest request = HttpRequest.newBuilder(api.uri("/api/v1/orders"))
                    .header("Authorization", "Bearer " + merchantKey).header("Content-Type", "application/json")
                    .header("Idempotency-Key", keyPrefix + i)
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
            all.add(api.client().sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
                latencies.add(System.nanoTime() - sent);
                if (error == null && response.statusCode() == 201) {
                    statuses.add(match(STATUS, response.body()));
                } else {
                    failed.incrementAndGet();
                }
                inFlight.release();
                return null;
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "orders sent %d from %d concurrent clients in %.1f s%n", orders, clients, seconds);
        System.out.printf(Locale.ROOT, "accepted %d (%.1f orders/s), failed %d%n", statuses.size(), statuses.size() / seconds, failed.get());
        for (String status : List.of("allocated", "partially_allocated", "backordered")) {
            System.out.printf(Locale.ROOT, "  %-20s %d%n", status, statuses.stream().filter(status::equals).count());
        }
        double p50 = percentile(sorted, 0.50);
        double p99 = percentile(sorted, 0.99);
        System.out.printf(Locale.ROOT, "latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", p50, p99, sorted.get(sorted.size() - 1) / 1e6);
        return new Intake(statuses.size(), statuses.size() / seconds, p50, p99);
    }

    /** The service's own reconciliations: the ledger against the balances, reservations against open allocations. */
    private boolean consistent(String when) throws Exception {
        String ledger = expect(api.send("GET", "/api/v1/admin/stock/reconciliation", ADMIN_KEY, null, null), 200);
        String reservations = expect(api.send("GET", "/api/v1/admin/orders/reconciliation", ADMIN_KEY, null, null), 200);
        boolean ledgerOk = "[]".equals(ledger.trim());
        boolean reservationsOk = "[]".equals(reservations.trim());
        System.out.println("consistency " + when + ": ledger = balances " + (ledgerOk ? "OK" : "FAILED " + ledger));
        System.out.println("consistency " + when + ": reservations = open order allocations " + (reservationsOk ? "OK" : "FAILED " + reservations));
        return ledgerOk && reservationsOk;
    }

    /**
     * Availability of {@value #AVAILABILITY_VARIANTS} variants in one request (the route's maximum), one client after the
     * other: the catalog's SKUs and as many more stocked variants as that takes, added after intake so that they do not
     * change it.
     */
    private void availability(Shop shop, int catalogSkus, int requests) throws Exception {
        List<String> skus = new ArrayList<>();
        for (int s = 0; s < catalogSkus; s++) {
            skus.add(String.format(Locale.ROOT, "SKU-%03d", s));
        }
        int extra = Math.max(0, AVAILABILITY_VARIANTS - skus.size());
        StringBuilder variants = new StringBuilder();
        for (int s = 0; s < extra; s++) {
            variants.append(s == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"sku\":\"AV-%03d\",\"name\":\"Shelf item %d\",\"weight_g\":100,\"length_mm\":100,\"width_mm\":100,\"height_mm\":10}", s, s));
            skus.add(String.format(Locale.ROOT, "AV-%03d", s));
        }
        if (extra > 0) {
            expect(api.send("PUT", "/api/v1/products/SHELF", shop.apiKey(), null, "{\"name\":\"Shelf goods\",\"variants\":[" + variants + "]}"), 200, 201);
            Map<String, String> tokens = new HashMap<>();
            for (String[] w : WAREHOUSES) {
                tokens.put(w[0], match(TOKEN, expect(api.send("POST", "/api/v1/auth/worker-sessions", null, null,
                        "{\"badge_code\":\"R" + w[0] + "\",\"pin\":\"4321\",\"device_id\":\"BENCH\"}"), 201)));
            }
            List<Callable<String>> receipts = new ArrayList<>();
            for (int s = 0; s < extra; s++) {
                String node = WAREHOUSES[s % WAREHOUSES.length][0];
                String key = "rcv-av-" + s;
                String body = String.format(Locale.ROOT,
                        "{\"merchant_id\":\"%s\",\"sku\":\"AV-%03d\",\"quantity\":%d,\"location_code\":\"%s-DOCK\"}",
                        shop.merchantId(), s, 10 + s % 50, node);
                receipts.add(() -> expect(api.send("POST", "/api/v1/receipts", tokens.get(node), key, body), 201));
            }
            inParallel(receipts);
        }
        String body = "{\"skus\":[" + String.join(",", skus.stream().limit(AVAILABILITY_VARIANTS).map(sku -> "\"" + sku + "\"").toList()) + "]}";
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            expect(api.send("POST", "/api/v1/availability/query", shop.apiKey(), null, body), 200);
        }
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long sent = System.nanoTime();
            expect(api.send("POST", "/api/v1/availability/query", shop.apiKey(), null, body), 200);
            latencies.add(System.nanoTime() - sent);
        }
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT, "availability of %d variants in one request, %d requests one after the other: p50 %.1f ms, p99 %.1f ms%n",
                Math.min(AVAILABILITY_VARIANTS, skus.size()), requests, percentile(latencies, 0.50), percentile(latencies, 0.99));
    }

    /** Set-up requests, eight at a time: receiving stock one receipt after the other is most of a run's set-up time. */
    private static void inParallel(List<Callable<String>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<String> done : pool.invokeAll(requests)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
    }





}
