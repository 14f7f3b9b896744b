package io.stowage.benchmarks.orders;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The raw-SQL limit of order intake: pgbench runs {@code benchmarks/pgbench/order-intake.sql} (one
 * order's reads, writes and row locks in one transaction) on the database the service used, with as
 * many clients and as many orders as the intake run.
 */
final class RawSqlBaseline {

    /** What pgbench measured; latencies from its per-transaction log. */
    record Result(double tps, long transactions, long failed, double p50Ms, double p99Ms, String output) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private RawSqlBaseline() {
    }

    /** The pgbench to run: the one named, else {@code $PGBENCH}, else the first on the PATH. */
    static Optional<Path> find(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String fromEnvironment = System.getenv("PGBENCH");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(Path.of(fromEnvironment)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "pgbench"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    static Result run(Path pgbench, Path script, int port, String merchantId, String apiKey, int skus, int clients, int orders,
                      Path workDir) throws IOException, InterruptedException {
        int perClient = Math.max(1, (orders + clients - 1) / clients);
        Path logPrefix = workDir.resolve("pgbench_log");
        List<String> command = List.of(pgbench.toString(), "-n", "-M", "prepared",
                "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)), "-t", String.valueOf(perClient),
                "-l", "--log-prefix=" + logPrefix,
                "-f", script.toAbsolutePath().toString(),
                "-D", "merchant=" + merchantId, "-D", "apikey=" + apiKey, "-D", "skus=" + skus,
                "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres", "postgres");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).directory(workDir.toFile());
        builder.environment().put("PGPASSWORD", "postgres");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("pgbench did not finish in 30 minutes");
        }
        Matcher tps = TPS.matcher(output);
        Matcher processed = PROCESSED.matcher(output);
        if (process.exitValue() != 0 || !tps.find() || !processed.find()) {
            throw new IllegalStateException("pgbench failed (exit " + process.exitValue() + "): " + String.join(" ", command) + "\n" + output);
        }
        Matcher failed = FAILED.matcher(output);
        List<Long> latenciesMicros = latencies(workDir, logPrefix.getFileName().toString());
        return new Result(Double.parseDouble(tps.group(1)), Long.parseLong(processed.group(1)),
                failed.find() ? Long.parseLong(failed.group(1)) : 0,
                percentile(latenciesMicros, 0.50), percentile(latenciesMicros, 0.99), output);
    }

    /** The third field of each line of pgbench's transaction logs is the transaction's latency in microseconds. */
    private static List<Long> latencies(Path dir, String prefix) throws IOException {
        List<Long> latencies = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length >= 3 && fields[2].matches("\\d+")) {
                        latencies.add(Long.parseLong(fields[2]));
                    }
                }
            }
        }
        Collections.sort(latencies);
        return latencies;
    }

    private static double percentile(List<Long> sortedMicros, double p) {
        if (sortedMicros.isEmpty()) {
            return Double.NaN;
        }
        return sortedMicros.get(Math.min(sortedMicros.size() - 1, (int) Math.ceil(p * sortedMicros.size()) - 1)) / 1e3;
    }
}
