package io.stowage.benchmarks.billing;

import static io.stowage.benchmarks.service.RunReport.loadAverage;
import static io.stowage.benchmarks.service.RunReport.option;
import static io.stowage.benchmarks.service.ServiceApi.expect;
import static io.stowage.benchmarks.service.ServiceApi.match;

import io.stowage.benchmarks.service.ServiceApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Invoicing a month for one big merchant. Starts the service jar on its embedded PostgreSQL (a fresh
 * data directory, the snapshot loop off, the first snapshot run catching up the month's days), sets up the merchant, its billing account, rate card and a
 * box type through the API, then seeds a month of recorded work straight into the database with SQL
 * (it is a benchmark: {@code --orders} picked, packed and shipped orders, one in five with a second
 * line, and {@code --variants} variants received, put away and stored over the month on 2,000
 * reserve locations). Foreign keys to the orders, waves and pack sessions that were never created
 * are not checked while seeding ({@code session_replication_role = replica}); everything billing
 * reads is there. Then it times, through the HTTP API: the storage snapshot job for the month's
 * days, the draft (every charge computed and its lines written), the finalisation (computed once
 * more, numbered, causes marked billed, the event written), the verification (recomputed and
 * compared line by line), the CSV and the PDF; and prints the service's memory after each step
 * (resident set and its peak, heap in use).
 * <p>
 * {@code mvn -B -q -pl benchmarks exec:java -Dexec.mainClass=io.stowage.benchmarks.billing.InvoiceMonthBenchmark
 * -Dexec.args="--jar wms-api/target/wms-api-0.1.0-SNAPSHOT.jar [--orders 100000] [--variants 20000] [--month 2026-11]"}
 */
public final class InvoiceMonthBenchmark {

    private static final String ADMIN_KEY = "benchmark-admin-key";
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"total_minor\"\\s*:\\s*(-?\\d+)");
    private static final Pattern NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern MATCHES = Pattern.compile("\"matches\"\\s*:\\s*(true|false)");
    private static final Pattern HEAP = Pattern.compile("\"value\"\\s*:\\s*([0-9.E+]+)");
    private static final int LOCATIONS = 2_000;

    private final ServiceApi api;
    private final Process service;

    private InvoiceMonthBenchmark(ServiceApi api, Process service) {
        this.api = api;
        this.service = service;
    }

    public static void main(String[] args) throws Exception {
        String jar = option(args, "--jar", "wms-api/target/wms-api-0.1.0-SNAPSHOT.jar");
        int orders = Integer.parseInt(option(args, "--orders", "100000"));
        int variants = Integer.parseInt(option(args, "--variants", "20000"));
        YearMonth month = YearMonth.parse(option(args, "--month", YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString()));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("stowage-bench-billing");
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %s; data in %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), dataDir);
        Process process = start(jar, dataDir, port, month.lengthOfMonth());
        try {
            InvoiceMonthBenchmark bench = new InvoiceMonthBenchmark(new ServiceApi(port, Duration.ofMinutes(30)), process);
            bench.api.awaitUp(process, dataDir.resolve("service.log"));
            bench.run(dataDir.resolve("postgres"), orders, variants, month);
            System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private void run(Path postgresDir, int orders, int variants, YearMonth month) throws Exception {
        String merchant = match(SECRET, expect(api.send("POST", "/api/v1/admin/merchants", ADMIN_KEY, null, "{\"name\":\"Big shop\"}"), 201));
        String merchantId = match(ID, expect(api.send("GET", "/api/v1/merchant", merchant, null, null), 200));
        expect(api.send("POST", "/api/v1/nodes", ADMIN_KEY, null, """
                {"code":"BBILL","kind":"warehouse","name":"Kaunas","address":{"line":"Raudondvario pl. 101","city":"Kaunas",
                 "postal_code":"47184","country":"LT"},"latitude":54.9,"longitude":23.9,"time_zone":"Europe/Vilnius"}"""), 201);
        expect(api.send("POST", "/api/v1/nodes/BBILL/locations", ADMIN_KEY, null, """
                {"locations":[{"code":"DOCK-1","type":"dock","x_mm":0,"y_mm":0},
                              {"code":"PACK-1","type":"pack_station","x_mm":6000,"y_mm":-2000}]}"""), 201);
        expect(api.send("PUT", "/api/v1/admin/billing/merchants/" + merchantId + "/account", ADMIN_KEY, null, """
                {"currency":"EUR","vat_rate_bp":2100,"legal_name":"Didžioji parduotuvė UAB","address":"Laisvės al. 1, Kaunas","payment_terms_days":14}"""),
                200);
        expect(api.send("POST", "/api/v1/admin/billing/merchants/" + merchantId + "/rate-cards", ADMIN_KEY, null, """
                {"currency":"EUR","effective_from":"2020-01-01","rates":{"storage_per_location_day":{"reserve":20},"storage_per_cubic_metre_day":900,
                 "receiving_per_unit":6,"putaway_per_unit":4,"pick_per_order":110,"pick_per_extra_line":35,"pick_per_unit":12,"pack_per_carton":70,
                 "packaging_markup_bp":1200,"label_per_shipment":20,"shipping_markup_bp":800,"monthly_minimum":100000}}"""), 201);
        expect(api.send("PUT", "/api/v1/box-types/BOX-M", merchant, null, """
                {"name":"Medium box","inner_length_mm":400,"inner_width_mm":300,"inner_height_mm":200,"tare_grams":250,"max_weight_grams":15000,
                 "cost_minor":45,"currency":"EUR"}"""), 200, 201);

        List<String> pidFile = Files.readAllLines(postgresDir.resolve("postmaster.pid"));
        int dbPort = Integer.parseInt(pidFile.get(3).trim());
        long seedStarted = System.nanoTime();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "postgres")) {
            seed(db, UUID.fromString(merchantId), orders, variants, month);
        }
        System.out.printf(Locale.ROOT, "seeded in %.1f s: %d shipped orders (%d with two lines), %d variants on %d reserve locations, month %s%n",
                (System.nanoTime() - seedStarted) / 1e9, orders, orders / 5, variants, LOCATIONS, month);
        memory("after seeding");

        long started = System.nanoTime();
        String snapshots = expect(api.send("POST", "/api/v1/admin/billing/storage-snapshots", ADMIN_KEY, null,
                "{\"up_to\":\"" + month.atEndOfMonth() + "\"}"), 200);
        report("storage snapshots (every day up to the month's end, " + snapshots.replaceAll("\\s", "") + ")", started);

        started = System.nanoTime();
        String draft = expect(api.send("POST", "/api/v1/admin/billing/merchants/" + merchantId + "/invoices", ADMIN_KEY, null,
                "{\"period\":\"" + month + "\"}"), 200);
        String invoiceId = match(ID, draft);
        report("draft (compute and write the lines)", started);

        started = System.nanoTime();
        String finalised = expect(api.send("POST", "/api/v1/admin/billing/invoices/" + invoiceId + "/finalise", ADMIN_KEY, null, null), 200);
        report("finalise (recompute, number, claim the causes, event)", started);
        long lines = lineCount(dbPort, invoiceId);
        System.out.printf(Locale.ROOT, "invoice %s: %d lines, total %s minor units (EUR)%n", match(NUMBER, finalised), lines, match(TOTAL, finalised));

        started = System.nanoTime();
        String verification = expect(api.send("GET", "/api/v1/admin/billing/invoices/" + invoiceId + "/verification", ADMIN_KEY, null, null), 200);
        report("verification (recompute and compare every line): matches " + match(MATCHES, verification), started);

        started = System.nanoTime();
        HttpResponse<byte[]> csv = api.client().send(HttpRequest.newBuilder(api.uri("/api/v1/invoices/" + invoiceId + "/lines.csv"))
                .header("Authorization", "Bearer " + merchant).timeout(Duration.ofMinutes(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        report(String.format(Locale.ROOT, "CSV (status %d, %.1f MB)", csv.statusCode(), csv.body().length / 1e6), started);

        started = System.nanoTime();
        HttpResponse<byte[]> pdf = api.client().send(HttpRequest.newBuilder(api.uri("/api/v1/invoices/" + invoiceId + "/pdf"))
                .header("Authorization", "Bearer " + merchant).timeout(Duration.ofMinutes(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        report(String.format(Locale.ROOT, "PDF (status %d, %d kB)", pdf.statusCode(), pdf.body().length / 1000), started);
    }

    private void report(String step, long startedNanos) throws IOException, InterruptedException {
        System.out.printf(Locale.ROOT, "%-70s %8.2f s%n", step, (System.nanoTime() - startedNanos) / 1e9);
        memory("  after it");
    }

    /** The service's resident set (now and its peak, from /proc) and its heap in use (actuator). */
    private void memory(String when) throws IOException, InterruptedException {
        String rss = "?";
        String peak = "?";
        for (String line : Files.readAllLines(Path.of("/proc/" + service.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = line.substring(6).trim();
            } else if (line.startsWith("VmHWM:")) {
                peak = line.substring(6).trim();
            }
        }
        String heap = "?";
        HttpResponse<String> metric = api.send("GET", "/actuator/metrics/jvm.memory.used?tag=area:heap", ADMIN_KEY, null, null);
        if (metric.statusCode() == 200) {
            heap = String.format(Locale.ROOT, "%.0f MB", Double.parseDouble(match(HEAP, metric.body())) / 1e6);
        }
        System.out.printf(Locale.ROOT, "%s: service RSS %s (peak %s), heap in use %s%n", when, rss, peak, heap);
    }

    private static long lineCount(int dbPort, String invoiceId) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + dbPort + "/postgres", "postgres", "postgres");
             PreparedStatement count = db.prepareStatement("SELECT count(*) FROM invoice_lines WHERE invoice_id = ?")) {
            count.setObject(1, UUID.fromString(invoiceId));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * A month of recorded work: receipts and putaway of every variant on the month's first day; each
     * order picked (a pick task per line, a pick movement), packed into one BOX-M carton and shipped
     * on the sandbox with a carrier price, spread evenly over the month.
     */
    private static void seed(Connection db, UUID merchantId, int orders, int variants, YearMonth month) throws SQLException {
        LocalDate first = month.atDay(1);
        long seconds = month.lengthOfMonth() * 86_400L;
        try (Statement sql = db.createStatement()) {
            sql.execute("SET session_replication_role = replica");
            sql.execute("CREATE TEMP TABLE bench AS SELECT '" + merchantId + "'::uuid AS merchant, (SELECT id FROM nodes WHERE code = 'BBILL') AS node,"
                    + " (SELECT l.id FROM locations l JOIN nodes n ON n.id = l.node_id WHERE n.code = 'BBILL' AND l.code = 'DOCK-1') AS dock,"
                    + " (SELECT l.id FROM locations l JOIN nodes n ON n.id = l.node_id WHERE n.code = 'BBILL' AND l.code = 'PACK-1') AS pack,"
                    + " TIMESTAMPTZ '" + first + " 00:00:00+00' AS month_start, gen_random_uuid() AS wave, gen_random_uuid() AS batch");
            sql.execute("INSERT INTO locations (node_id, code, type, aisle, bay, level) SELECT node, 'R-' || g, 'reserve', g / 100, g % 100, 1"
                    + " FROM bench, generate_series(1, " + LOCATIONS + ") g");
            sql.execute("INSERT INTO products (merchant_id, product_code, name) SELECT merchant, 'P' || g, 'Product ' || g"
                    + " FROM bench, generate_series(1, " + Math.max(1, variants / 10) + ") g");
            sql.execute("INSERT INTO variants (id, merchant_id, product_id, sku, name, weight_g, length_mm, width_mm, height_mm)"
                    + " SELECT md5('variant' || g)::uuid, b.merchant, p.id, 'SKU-' || g, 'Variant ' || g, 200, 100 + g % 200, 80, 30"
                    + " FROM bench b, generate_series(1, " + variants + ") g"
                    + " JOIN products p ON p.product_code = 'P' || ((g - 1) / 10 + 1)");
            sql.execute("INSERT INTO stock_movements (merchant_id, node_id, variant_id, kind, quantity, to_location_id, to_status, reference_type,"
                    + " actor, created_at) SELECT merchant, node, md5('variant' || g)::uuid, 'receipt', 50, dock, 'available', 'blind_receipt',"
                    + " 'benchmark', month_start + interval '8 hours' + g * interval '1 second' FROM bench, generate_series(1, " + variants + ") g");
            sql.execute("INSERT INTO stock_movements (merchant_id, node_id, variant_id, kind, quantity, from_location_id, from_status, to_location_id,"
                    + " to_status, actor, created_at) SELECT b.merchant, b.node, md5('variant' || g)::uuid, 'putaway', 50, b.dock, 'available', l.id,"
                    + " 'available', 'benchmark', b.month_start + interval '16 hours' + g * interval '1 second'"
                    + " FROM bench b, generate_series(1, " + variants + ") g JOIN locations l ON l.code = 'R-' || ((g - 1) % " + LOCATIONS + " + 1)"
                    + " WHERE l.node_id = (SELECT node FROM bench)");
            // Orders from the second day on, evenly to the month's end; one in five has a second line.
            String at = "b.month_start + interval '1 day' + (g::double precision / " + orders + " * " + (seconds - 86_400) + ") * interval '1 second'";
            sql.execute("INSERT INTO pick_tasks (wave_id, batch_id, sequence, node_id, merchant_id, order_id, line_no, variant_id, lot_key, location_id,"
                    + " quantity, tote, status, picked_quantity, picked_by, picked_at)"
                    + " SELECT b.wave, b.batch, g * 2 + line - 1, b.node, b.merchant, md5('order' || g)::uuid, line,"
                    + " md5('variant' || ((g + line) % " + variants + " + 1))::uuid, '00000000-0000-0000-0000-000000000000', b.pack, 1 + g % 3, 1,"
                    + " 'picked', 1 + g % 3, 'benchmark', " + at
                    + " FROM bench b, generate_series(1, " + orders + ") g, generate_series(1, 2) line WHERE line = 1 OR g % 5 = 0");
            sql.execute("INSERT INTO stock_movements (merchant_id, node_id, variant_id, kind, quantity, from_location_id, from_status, to_location_id,"
                    + " to_status, actor, created_at) SELECT t.merchant_id, t.node_id, t.variant_id, 'pick', t.picked_quantity, l.id, 'available',"
                    + " t.location_id, 'available', 'benchmark', t.picked_at FROM pick_tasks t"
                    + " JOIN variants v ON v.id = t.variant_id JOIN locations l ON l.code = 'R-' || ((substring(v.sku from 5)::int - 1) % " + LOCATIONS + " + 1)"
                    + " AND l.node_id = t.node_id WHERE t.merchant_id = (SELECT merchant FROM bench)");
            sql.execute("INSERT INTO cartons (id, merchant_id, node_id, order_id, session_id, carton_number, status, box_type_code, box_overridden,"
                    + " length_mm, width_mm, height_mm, weight_grams, packer_name, opened_by, opened_at, closed_by, closed_at)"
                    + " SELECT md5('carton' || g)::uuid, b.merchant, b.node, md5('order' || g)::uuid, b.batch, 1, 'closed', 'BOX-M', false, 400, 300, 200,"
                    + " 900, 'Benchmark packer', 'benchmark', " + at + " + interval '1 hour', 'benchmark', " + at + " + interval '1 hour'"
                    + " FROM bench b, generate_series(1, " + orders + ") g");
            sql.execute("INSERT INTO shipments (merchant_id, node_id, order_id, order_number, carton_id, carton_number, sscc, status, weight_grams,"
                    + " length_mm, width_mm, height_mm, carrier_code, service_code, tracking_number, price_minor, currency, created_at, labelled_at,"
                    + " loaded_at, shipped_at)"
                    + " SELECT b.merchant, b.node, md5('order' || g)::uuid, 'B' || g, md5('carton' || g)::uuid, 1, lpad(g::text, 18, '0'), 'shipped', 900,"
                    + " 400, 300, 200, 'sandbox', 'standard', 'SBX' || lpad(g::text, 10, '0'), 400 + g % 300, 'EUR', "
                    + at + " + interval '1 hour', " + at + " + interval '1 hour', " + at + " + interval '3 hours', " + at + " + interval '5 hours'"
                    + " FROM bench b, generate_series(1, " + orders + ") g");
            sql.execute("SET session_replication_role = DEFAULT");
            sql.execute("ANALYZE");
        }
    }

    /** The service with its snapshot loop off, and a first snapshot run that catches up exactly the month's days. */
    private static Process start(String jar, Path dataDir, int port, int daysInMonth) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-Dstowage.billing.snapshots-enabled=false",
                "-Dstowage.billing.snapshot-catch-up-days=" + daysInMonth, "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("service.log").toFile()));
        builder.environment().put("STOWAGE_DATA_DIR", dataDir.toString());
        builder.environment().put("STOWAGE_ADMIN_KEY", ADMIN_KEY);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("STOWAGE_DEMO", "false");
        return builder.start();
    }
}
