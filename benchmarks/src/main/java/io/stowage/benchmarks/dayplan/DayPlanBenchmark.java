package io.stowage.benchmarks.dayplan;

import static io.stowage.benchmarks.service.RunReport.option;
import static io.stowage.benchmarks.service.ServiceApi.expect;
import static io.stowage.benchmarks.service.ServiceApi.match;

import io.stowage.benchmarks.service.ServiceApi;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's day plan for one warehouse day of 5,000 parcels against the greedy baseline on the
 * same parcels. Starts the service jar on a fresh embedded PostgreSQL, sets up a Vilnius warehouse
 * with the demo merchant's catalog (demo/catalog.csv: tees, hoodies, socks, caps, a serum), places
 * the orders over HTTP (addresses across the demo region: Lithuania, Latvia, Estonia, some Poland
 * and Finland; standard, pickup-point, eco and express deliveries; some with the shopper's carrier
 * service; promises of one to four working days), sets carrier pickup capacities a little above the day's
 * parcels, asks for a run and prints what the run recorded: parcels, assigned, cost and promises
 * kept for the solver and for {@code GreedyDayPlanner} on the same parcels, the solve time and the
 * whole run's time (reading, quoting, solving, writing).
 * <p>
 * {@code mvn -B -q -pl wms-api -am package -DskipTests && mvn -B -q -pl benchmarks -am compile && java -cp benchmarks/target/classes
 * io.stowage.benchmarks.dayplan.DayPlanBenchmark --jar wms-api/target/wms-api-0.1.0-SNAPSHOT.jar [--orders 5000] [--clients 16]
 * [--catalog wms-api/src/main/resources/demo/catalog.csv]}
 */
public final class DayPlanBenchmark {

    private static final String ADMIN_KEY = "benchmark-admin-key";
    private static final String NODE = "VNO-DAY";
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-z_]+)\"");
    private static final Pattern RUN = Pattern.compile("\\{\"run\":\\d+[^}]*}");

    private final ServiceApi api;

    private DayPlanBenchmark(ServiceApi api) {
        this.api = api;
    }

    public static void main(String[] args) throws Exception {
        String jar = option(args, "--jar", "wms-api/target/wms-api-0.1.0-SNAPSHOT.jar");
        int orders = Integer.parseInt(option(args, "--orders", "5000"));
        int clients = Integer.parseInt(option(args, "--clients", "16"));
        Path catalog = Path.of(option(args, "--catalog", "wms-api/src/main/resources/demo/catalog.csv"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dataDir = Files.createTempDirectory("stowage-dayplan-bench");
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("service.log").toFile()));
        builder.environment().put("STOWAGE_DATA_DIR", dataDir.toString());
        builder.environment().put("STOWAGE_ADMIN_KEY", ADMIN_KEY);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("STOWAGE_DEMO", "false");
        Process service = builder.start();
        try {
            DayPlanBenchmark bench = new DayPlanBenchmark(new ServiceApi(port, Duration.ofSeconds(120)));
            bench.api.awaitUp(service, dataDir.resolve("service.log"));
            bench.run(orders, clients, Files.readString(catalog));
        } finally {
            service.destroy();
            service.waitFor();
        }
        System.out.println("service log and database: " + dataDir);
    }

    private void run(int orderCount, int clients, String catalogCsv) throws Exception {
        String merchantKey = match(SECRET, expect(api.send("POST", "/api/v1/admin/merchants", ADMIN_KEY, null, "{\"name\":\"Amber & Linen (bench)\"}"), 201));
        String merchantId = match(ID, expect(api.send("GET", "/api/v1/merchant", merchantKey, null, null), 200));
        expect(api.sendCsv("/api/v1/catalog/imports", merchantKey, catalogCsv), 200);
        List<String> skus = new ArrayList<>();
        for (String line : catalogCsv.split("\n")) {
            String[] cells = line.split(",");
            // Lot-tracked variants (the serum) need lots at receipt; the day plan does not care, so they are left out.
            if (cells.length > 4 && !cells[0].equals("product_code") && !line.contains(",true,")) {
                // The SKU is the first cell after the quoted description; descriptions hold commas, SKUs do not.
                Matcher sku = Pattern.compile("\",([A-Z0-9-]+),").matcher(line);
                if (sku.find()) {
                    skus.add(sku.group(1));
                }
            }
        }
        expect(api.send("POST", "/api/v1/nodes", ADMIN_KEY, null, "{\"code\":\"" + NODE + "\",\"kind\":\"warehouse\",\"name\":\"Vilnius day plan\","
                + "\"address\":{\"line\":\"Savanoriu pr. 178\",\"city\":\"Vilnius\",\"postal_code\":\"03154\",\"country\":\"LT\"},"
                + "\"latitude\":54.6719,\"longitude\":25.2421,\"time_zone\":\"Europe/Vilnius\"}"), 201);
        expect(api.send("POST", "/api/v1/nodes/" + NODE + "/locations", ADMIN_KEY, null,
                "{\"locations\":[{\"code\":\"DOCK-1\",\"type\":\"dock\",\"x_mm\":0,\"y_mm\":0}]}"), 201);
        expect(api.send("POST", "/api/v1/admin/workers", ADMIN_KEY, null, "{\"badge_code\":\"RDAY\",\"name\":\"Receiver\",\"pin\":\"4321\",\"node_code\":\""
                + NODE + "\",\"roles\":[\"receiver\",\"supervisor\"]}"), 201);
        String token = match(TOKEN, expect(api.send("POST", "/api/v1/auth/worker-sessions", null, null,
                "{\"badge_code\":\"RDAY\",\"pin\":\"4321\",\"device_id\":\"BENCH\"}"), 201));
        for (String sku : skus) {
            expect(api.send("POST", "/api/v1/receipts", token, "rcv-" + sku, String.format(Locale.ROOT,
                    "{\"merchant_id\":\"%s\",\"sku\":\"%s\",\"quantity\":%d,\"location_code\":\"DOCK-1\"}", merchantId, sku, 100_000)), 201);
        }
        // A little more than the day needs in all, so that the cheapest choices do not all fit.
        for (String[] capacity : new String[][] {{"lietuvos-pastas", "0.35"}, {"omniva", "0.40"}, {"dpd-baltics", "0.40"}}) {
            expect(api.send("PUT", "/api/v1/nodes/" + NODE + "/carrier-capacities/" + capacity[0], ADMIN_KEY, null,
                    "{\"parcels_per_day\":" + (int) Math.ceil(orderCount * Double.parseDouble(capacity[1])) + "}"), 200);
        }

        List<String> bodies = orders(orderCount, skus);
        long placingStarted = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<String>> placed = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            String body = bodies.get(i);
            String key = "order-" + i;
            placed.add(pool.submit(() -> match(STATUS, expect(api.send("POST", "/api/v1/orders", merchantKey, key, body), 201))));
        }
        int allocated = 0;
        for (Future<String> order : placed) {
            allocated += "allocated".equals(order.get()) ? 1 : 0;
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "placed %d orders (%d allocated) in %.1f s with %d clients%n", bodies.size(), allocated,
                (System.nanoTime() - placingStarted) / 1e9, clients);

        long runStarted = System.nanoTime();
        expect(api.send("POST", "/api/v1/nodes/" + NODE + "/day-plans/runs", ADMIN_KEY, null, null), 202);
        String day = LocalDate.now(ZoneId.of("Europe/Vilnius")).toString();
        String run = null;
        while (run == null) {
            Thread.sleep(500);
            String plan = expect(api.send("GET", "/api/v1/nodes/" + NODE + "/day-plans/" + day, ADMIN_KEY, null, null), 200);
            Matcher found = RUN.matcher(plan);
            if (found.find() && !plan.contains("\"running\":true")) {
                run = found.group();
            }
        }
        System.out.printf(Locale.ROOT, "run asked for and recorded after %.1f s (as seen by polling every 0.5 s)%n", (System.nanoTime() - runStarted) / 1e9);
        System.out.println(run);
        long parcels = number(run, "parcels");
        long cost = number(run, "cost_minor");
        long greedyCost = number(run, "greedy_cost_minor");
        System.out.printf(Locale.ROOT, "%-8s %8s %14s %16s%n", "planner", "parcels", "cost EUR", "promises kept");
        System.out.printf(Locale.ROOT, "%-8s %8d %14.2f %10d/%-5d%n", "solver", parcels, cost / 100.0, number(run, "promises_kept"), parcels);
        System.out.printf(Locale.ROOT, "%-8s %8d %14.2f %10d/%-5d%n", "greedy", parcels, greedyCost / 100.0, number(run, "greedy_promises_kept"), parcels);
        System.out.printf(Locale.ROOT, "assigned by the solver %d of %d; solve %d ms; solver saves %.1f %% of the greedy cost%n",
                number(run, "assigned"), parcels, number(run, "solve_millis"), 100.0 * (greedyCost - cost) / greedyCost);
    }

    /** Orders of one to three lines to addresses across the demo region. */
    private static List<String> orders(int count, List<String> skus) {
        Random random = new Random(42);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Vilnius"));
        String[][] places = {
                {"LT", "Gedimino pr. 1", "Vilnius", "01103", "54.6872", "25.2797"}, {"LT", "Laisves al. 10", "Kaunas", "44240", "54.8985", "23.9036"},
                {"LT", "Tilzes g. 5", "Klaipeda", "91001", "55.7033", "21.1443"}, {"LV", "Brivibas iela 21", "Riga", "LV-1010", "56.9496", "24.1052"},
                {"LV", "Rigas iela 3", "Daugavpils", "LV-5401", "55.8747", "26.5362"}, {"EE", "Narva mnt 7", "Tallinn", "10117", "59.4370", "24.7536"},
                {"EE", "Ruutli 2", "Tartu", "51007", "58.3780", "26.7290"}, {"PL", "ul. Marszalkowska 10", "Warszawa", "00-590", "52.2297", "21.0122"},
                {"FI", "Mannerheimintie 5", "Helsinki", "00100", "60.1699", "24.9384"}};
        int[] placeWeights = {30, 14, 8, 16, 4, 12, 6, 6, 4};
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] place = places[weighted(random, placeWeights)];
            int pick = random.nextInt(100);
            String level = pick < 50 ? "standard" : pick < 80 ? "pickup_point" : pick < 92 ? "eco" : "express";
            String choice = null;
            if (random.nextInt(100) < 10 && !"express".equals(level)) {
                choice = "LT".equals(place[0]) || "LV".equals(place[0]) || "EE".equals(place[0])
                        ? (random.nextBoolean() ? "omniva/locker" : "dpd-baltics/pickup") : null;
                level = choice == null ? level : "pickup_point";
            }
            StringBuilder lines = new StringBuilder();
            int lineCount = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(3));
            List<String> used = new ArrayList<>();
            for (int l = 0; l < lineCount; l++) {
                String sku = skus.get(random.nextInt(skus.size()));
                if (used.contains(sku)) {
                    continue;
                }
                used.add(sku);
                lines.append(lines.length() == 0 ? "" : ",").append("{\"sku\":\"").append(sku).append("\",\"quantity\":").append(1 + random.nextInt(2)).append('}');
            }
            LocalDate promised = addWeekdays(today, 1 + random.nextInt(4));
            bodies.add(String.format(Locale.ROOT, "{\"customer\":{\"name\":\"Customer %d\",\"address\":{\"line\":\"%s\",\"city\":\"%s\",\"postal_code\":\"%s\","
                            + "\"country\":\"%s\",\"latitude\":%s,\"longitude\":%s}},\"lines\":[%s],\"service_level\":\"%s\",\"promised_on\":\"%s\"%s}",
                    i, place[1], place[2], place[3], place[0], place[4], place[5], lines, level, promised,
                    choice == null ? "" : ",\"carrier_service\":\"" + choice + "\""));
        }
        return bodies;
    }

    /** Checkout promises count working days: carriers here neither collect nor deliver at weekends. */
    private static LocalDate addWeekdays(LocalDate date, int days) {
        LocalDate result = date;
        for (int added = 0; added < days; ) {
            result = result.plusDays(1);
            if (result.getDayOfWeek() != java.time.DayOfWeek.SATURDAY && result.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return result;
    }

    private static int weighted(Random random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static long number(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\":(-?\\d+)").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Long.parseLong(matcher.group(1));
    }






}
