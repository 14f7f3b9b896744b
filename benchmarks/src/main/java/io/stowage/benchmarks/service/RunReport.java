package io.stowage.benchmarks.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What every service benchmark reads from its command line and prints about its run: options, latency percentiles, the machine's load. */
public final class RunReport {

    private RunReport() {
    }

    /** The value after {@code name} on the command line, or {@code fallback}. */
    public static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** The {@code p} percentile (0 to 1, nearest rank) of sorted nanosecond timings, in milliseconds. */
    public static double percentile(List<Long> sortedNanos, double p) {
        return sortedNanos.get(Math.min(sortedNanos.size() - 1, (int) Math.ceil(p * sortedNanos.size()) - 1)) / 1e6;
    }

    /** {@code /proc/loadavg}: a figure measured on a busy machine says so. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException unknown) {
            return "unknown";
        }
    }
}
