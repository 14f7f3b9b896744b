package io.stowage.benchmarks.shipping;

import static io.stowage.benchmarks.service.RunReport.loadAverage;
import static io.stowage.benchmarks.service.RunReport.option;
import static io.stowage.benchmarks.service.RunReport.percentile;
import static io.stowage.benchmarks.service.ServiceApi.expect;
import static io.stowage.benchmarks.service.ServiceApi.match;

import io.stowage.benchmarks.service.ServiceApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closing a carton with its label, from 8 packers at once. Starts the service jar on its embedded
 * PostgreSQL (a fresh data directory), sets up a warehouse with a pick-face rack and a pack
 * station, one order per packer (one SKU each, {@code --cartons} units), picks them in one wave,
 * then lets every packer pack its order one unit per carton as fast as the service answers: open
 * the carton, scan the unit, close it. For each carton it measures the close (the HTTP request:
 * the carton, the shipment and its SSCC in one transaction) and close-to-label (from sending the
 * close until the carton's shipment reads {@code labelled}, polled every 25 ms), and prints
 * p50/p99 of both, cartons per second, and any shipment that did not end labelled.
 * <p>
 * The label is the sandbox's (the default carrier of a merchant without carrier accounts) or, with
 * {@code --service omniva/courier}, the rate card's service the shopper chose.
 * <p>
 * {@code mvn -B -q -pl benchmarks exec:java -Dexec.mainClass=io.stowage.benchmarks.shipping.CartonCloseBenchmark
 * -Dexec.args="--jar wms-api/target/wms-api-0.1.0-SNAPSHOT.jar [--packers 8] [--cartons 25] [--service omniva/courier]"}
 */
public final class CartonCloseBenchmark {

    private static final String ADMIN_KEY = "benchmark-admin-key";
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z_]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern FAILURE = Pattern.compile("\"failure_reason\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern TASK = Pattern.compile("\\{[^{}]*\"order_id\"\\s*:\\s*\"([^\"]+)\"[^{}]*}");

    private final ServiceApi api;

    private CartonCloseBenchmark(ServiceApi api) {
        this.api = api;
    }

    /** One carton's figures, in nanoseconds. */
    private record Timing(long closeNanos, long labelNanos, String status, String failure) {
    }

    public static void main(String[] args) throws Exception {
        String jar = option(args, "--jar", "wms-api/target/wms-api-0.1.0-SNAPSHOT.jar");
        int packers = Integer.parseInt(option(args, "--packers", "8"));
        int cartons = Integer.parseInt(option(args, "--cartons", "25"));
        String service = option(args, "--service", null);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("stowage-bench-pack");
        System.out.printf(Locale.ROOT, "machine: %d cores, load average %s; data in %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), dataDir);
        Process process = start(jar, dataDir, port);
        try {
            CartonCloseBenchmark bench = new CartonCloseBenchmark(new ServiceApi(port, Duration.ofSeconds(60)));
            bench.api.awaitUp(process, dataDir.resolve("service.log"));
            bench.run(packers, cartons, service);
            System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private void run(int packers, int cartons, String service) throws Exception {
        String merchant = match(SECRET, expect(api.send("POST", "/api/v1/admin/merchants", ADMIN_KEY, null, "{\"name\":\"Packing shop\"}"), 201));
        String merchantId = match(ID, expect(api.send("GET", "/api/v1/merchant", merchant, null, null), 200));
        expect(api.send("POST", "/api/v1/nodes", ADMIN_KEY, null, """
                {"code":"BPACK","kind":"warehouse","name":"Vilnius","address":{"line":"Savanorių pr. 178","city":"Vilnius",
                 "postal_code":"03154","country":"LT"},"latitude":54.6719,"longitude":25.2421,"time_zone":"Europe/Vilnius"}"""), 201);
        expect(api.send("POST", "/api/v1/nodes/BPACK/zones", ADMIN_KEY, null, "{\"code\":\"P\",\"name\":\"Picking\"}"), 201);
        expect(api.send("POST", "/api/v1/nodes/BPACK/rack-layouts", ADMIN_KEY, null, """
                {"zone_code":"P","type":"pick_face","aisles":{"from":3,"to":3},"bays":{"from":1,"to":10},"levels":["A"],
                 "aisle_pitch_mm":3000,"bay_width_mm":1200,"origin":{"x_mm":3000,"y_mm":0},"both_sides":true}"""), 201);
        expect(api.send("POST", "/api/v1/nodes/BPACK/locations", ADMIN_KEY, null, """
                {"locations":[{"code":"DOCK-1","type":"dock","x_mm":0,"y_mm":0},
                              {"code":"PACK-1","type":"pack_station","x_mm":6000,"y_mm":-2000}]}"""), 201);
        String supervisor = worker("BSUP", "supervisor\",\"receiver");
        String picker = worker("BPICK", "picker");
        StringBuilder variants = new StringBuilder();
        for (int p = 0; p < packers; p++) {
            variants.append(p == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"sku\":\"SOCK-%d\",\"name\":\"Wool sock %d\",\"weight_g\":80,\"length_mm\":100,\"width_mm\":80,\"height_mm\":30}", p, p));
        }
        expect(api.send("PUT", "/api/v1/products/SOCK", merchant, null, "{\"name\":\"Wool sock\",\"variants\":[" + variants + "]}"), 200, 201);
        List<String> orders = new ArrayList<>();
        for (int p = 0; p < packers; p++) {
            String sku = "SOCK-" + p;
            String location = String.format(Locale.ROOT, "P-03-%02d-A", p + 1);
            expect(api.send("POST", "/api/v1/receipts", supervisor, UUID.randomUUID().toString(), String.format(Locale.ROOT,
                    "{\"merchant_id\":\"%s\",\"sku\":\"%s\",\"quantity\":%d,\"location_code\":\"DOCK-1\"}", merchantId, sku, cartons)), 201);
            expect(api.send("POST", "/api/v1/moves", supervisor, UUID.randomUUID().toString(), String.format(Locale.ROOT,
                    "{\"merchant_id\":\"%s\",\"sku\":\"%s\",\"quantity\":%d,\"from_location_code\":\"DOCK-1\",\"to_location_code\":\"%s\"}",
                    merchantId, sku, cartons, location)), 201);
            String order = expect(api.send("POST", "/api/v1/orders", merchant, UUID.randomUUID().toString(), String.format(Locale.ROOT,
                    "{\"customer\":{\"name\":\"Ona Petraitytė\",\"address\":{\"line\":\"Gedimino pr. 1\",\"city\":\"Vilnius\","
                            + "\"postal_code\":\"01103\",\"country\":\"LT\",\"latitude\":54.6872,\"longitude\":25.2797}},"
                            + "\"lines\":[{\"sku\":\"%s\",\"quantity\":%d}],\"service_level\":\"standard\",\"channel\":\"web\"%s}",
                    sku, cartons, service == null ? "" : ",\"carrier_service\":\"" + service + "\"")), 201);
            orders.add(match(ID, order));
        }
        Map<String, String[]> toteOfOrder = pickEverything(supervisor, picker, packers);
        System.out.printf(Locale.ROOT, "set up: %d packers, %d orders of %d units, label %s%n", packers, packers, cartons,
                service == null ? "sandbox (default carrier)" : service);

        ExecutorService pool = Executors.newFixedThreadPool(packers);
        List<Callable<List<Timing>>> work = new ArrayList<>();
        for (int p = 0; p < packers; p++) {
            String order = orders.get(p);
            String sku = "SOCK-" + p;
            String packer = worker("BPACK" + p, "packer");
            work.add(() -> pack(packer, toteOfOrder.get(order), order, sku, cartons));
        }
        long started = System.nanoTime();
        List<Timing> timings = new ArrayList<>();
        try {
            for (Future<List<Timing>> done : pool.invokeAll(work)) {
                timings.addAll(done.get());
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report(timings, seconds);
    }

    /** Releases one wave over every allocated order and picks every batch in full; answers each order's batch and tote. */
    private Map<String, String[]> pickEverything(String supervisor, String picker, int totes) throws Exception {
        String wave = match(ID, expect(api.send("POST", "/api/v1/waves", supervisor, null,
                "{\"filter\":{},\"cart\":{\"totes\":" + Math.max(totes, 1) + "},\"time_limit_seconds\":2}"), 202));
        String status = "planning";
        for (int i = 0; i < 600 && status.equals("planning"); i++) {
            Thread.sleep(200);
            status = match(STATUS, expect(api.send("GET", "/api/v1/waves/" + wave, supervisor, null, null), 200));
        }
        if (!status.equals("planned")) {
            throw new IllegalStateException("wave " + wave + " is " + status);
        }
        expect(api.send("POST", "/api/v1/waves/" + wave + "/release", supervisor, null, null), 200);
        Map<String, String[]> toteOfOrder = new HashMap<>();
        while (true) {
            HttpResponse<String> next = api.send("GET", "/api/v1/pick-tasks/next", picker, null, null);
            if (next.statusCode() == 204) {
                return toteOfOrder;
            }
            String batch = expect(next, 200);
            String batchId = match(ID, batch);
            Matcher tasks = TASK.matcher(batch);
            while (tasks.find()) {
                String task = tasks.group();
                String tote = field(task, "tote");
                toteOfOrder.put(tasks.group(1), new String[] {batchId, tote});
                expect(api.send("POST", "/api/v1/pick-tasks/" + field(task, "id") + "/confirm", picker, UUID.randomUUID().toString(),
                        String.format(Locale.ROOT, "{\"location_code\":\"%s\",\"sku\":\"%s\",\"quantity\":%s,\"tote\":%s}",
                                field(task, "location_code"), field(task, "sku"), field(task, "quantity"), tote)), 200);
            }
        }
    }

    /** One packer: a session on the order's tote, then one unit per carton, each closed and followed until labelled. */
    private List<Timing> pack(String packer, String[] batchAndTote, String order, String sku, int cartons) throws Exception {
        String session = match(ID, expect(api.send("POST", "/api/v1/pack-sessions", packer, null, String.format(Locale.ROOT,
                "{\"station_code\":\"PACK-1\",\"batch_id\":\"%s\",\"tote\":%s}", batchAndTote[0], batchAndTote[1])), 201));
        List<Timing> timings = new ArrayList<>();
        for (int c = 0; c < cartons; c++) {
            String carton = match(ID, expect(api.send("POST", "/api/v1/pack-sessions/" + session + "/cartons", packer, null,
                    "{\"order_id\":\"" + order + "\"}"), 201));
            expect(api.send("POST", "/api/v1/cartons/" + carton + "/units", packer, UUID.randomUUID().toString(),
                    "{\"sku\":\"" + sku + "\",\"quantity\":1}"), 200);
            long start = System.nanoTime();
            expect(api.send("POST", "/api/v1/cartons/" + carton + "/close", packer, null,
                    "{\"length_mm\":200,\"width_mm\":150,\"height_mm\":60,\"weight_grams\":90}"), 200);
            long closed = System.nanoTime();
            String shipment = "";
            String status = "label_pending";
            for (int i = 0; i < 6000 && status.equals("label_pending"); i++) {
                HttpResponse<String> read = api.send("GET", "/api/v1/cartons/" + carton + "/shipment", packer, null, null);
                if (read.statusCode() == 200) {
                    shipment = read.body();
                    status = match(STATUS, shipment);
                }
                if (status.equals("label_pending")) {
                    Thread.sleep(25);
                }
            }
            Matcher failure = FAILURE.matcher(shipment);
            timings.add(new Timing(closed - start, System.nanoTime() - start, status, failure.find() ? failure.group(1) : null));
        }
        return timings;
    }

    private static void report(List<Timing> timings, double seconds) {
        List<Long> close = new ArrayList<>(timings.stream().map(Timing::closeNanos).toList());
        List<Long> label = new ArrayList<>(timings.stream().map(Timing::labelNanos).toList());
        Collections.sort(close);
        Collections.sort(label);
        long labelled = timings.stream().filter(t -> t.status().equals("labelled")).count();
        System.out.printf(Locale.ROOT, "cartons: %d in %.1f s (%.1f cartons/s), %d labelled%n", timings.size(), seconds,
                timings.size() / seconds, labelled);
        System.out.printf(Locale.ROOT, "close (HTTP, carton + shipment + SSCC): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                percentile(close, 0.50), percentile(close, 0.99), close.get(close.size() - 1) / 1e6);
        System.out.printf(Locale.ROOT, "close to label bought and stored: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                percentile(label, 0.50), percentile(label, 0.99), label.get(label.size() - 1) / 1e6);
        timings.stream().filter(t -> !t.status().equals("labelled")).limit(5)
                .forEach(t -> System.out.println("not labelled: " + t.status() + " " + t.failure()));
    }

    private String worker(String badge, String roles) throws Exception {
        expect(api.send("POST", "/api/v1/admin/workers", ADMIN_KEY, null, String.format(Locale.ROOT,
                "{\"badge_code\":\"%s\",\"name\":\"Worker %s\",\"pin\":\"4321\",\"node_code\":\"BPACK\",\"roles\":[\"%s\"]}", badge, badge, roles)), 201);
        return match(TOKEN, expect(api.send("POST", "/api/v1/auth/worker-sessions", null, null, String.format(Locale.ROOT,
                "{\"badge_code\":\"%s\",\"pin\":\"4321\",\"device_id\":\"RF-%s\"}", badge, badge)), 201));
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







    /** A field of a flat JSON object, string or number. */
    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"([^\"]*)\"|[0-9.]+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException(name + " not in " + json);
        }
        return matcher.group(2) != null ? matcher.group(2) : matcher.group(1);
    }

}
