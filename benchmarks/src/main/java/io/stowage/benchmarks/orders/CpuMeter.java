package io.stowage.benchmarks.orders;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time spent by the service's JVM, by its PostgreSQL (the postmaster, its live backends, and
 * through the postmaster's reaped-children counters every backend that exited, pgbench's included),
 * by the clients (this JVM's HTTP clients, or pgbench) and by the whole machine, read from Linux's
 * {@code /proc} at the start and end of a phase. It says where a phase's CPU went per order: on a
 * machine whose cores are all busy, throughput is the cores divided by the CPU an order costs,
 * wherever it is spent. Off Linux it reports nothing.
 */
final class CpuMeter {

    /** Clock ticks per second of {@code /proc}'s CPU counters: USER_HZ, 100 on every Linux build in use. */
    private static final double TICKS_PER_SECOND = 100;

    private final long servicePid;
    private final long postmasterPid;

    /**
     * A reading: ticks of the service, of PostgreSQL, of the clients (this benchmark's JVM, and through its reaped-children
     * counters the pgbench it ran), and of the machine busy and in all.
     */
    record Reading(long service, long postgres, long clients, long machineBusy, long machineAll, long nanos) {
    }

    private CpuMeter(long servicePid, long postmasterPid) {
        this.servicePid = servicePid;
        this.postmasterPid = postmasterPid;
    }

    /** For the service process and the PostgreSQL whose data directory is {@code postgresDir}; null off Linux. */
    static CpuMeter of(Process service, Path postgresDir) throws IOException {
        if (!Files.isReadable(Path.of("/proc/stat"))) {
            return null;
        }
        long postmaster = Long.parseLong(Files.readAllLines(postgresDir.resolve("postmaster.pid")).get(0).trim());
        return new CpuMeter(service.pid(), postmaster);
    }

    Reading read() throws IOException {
        long service = ticks(servicePid, false);
        long postgres = ticks(postmasterPid, true);
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String[] stat = stat(process);
                if (stat != null && Long.parseLong(stat[3]) == postmasterPid) {
                    postgres += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                }
            }
        }
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long all = 0;
        for (int i = 1; i < cpu.length; i++) {
            all += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        return new Reading(service, postgres, ticks(ProcessHandle.current().pid(), true), all - idle, all, System.nanoTime());
    }

    /** One line: CPU milliseconds per order of the service and of PostgreSQL, and how busy the machine was. */
    static String perOrder(String phase, Reading from, Reading to, int orders) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        double service = (to.service() - from.service()) / TICKS_PER_SECOND;
        double postgres = (to.postgres() - from.postgres()) / TICKS_PER_SECOND;
        double clients = (to.clients() - from.clients()) / TICKS_PER_SECOND;
        double busy = to.machineAll() == from.machineAll() ? 0
                : 100.0 * (to.machineBusy() - from.machineBusy()) / (to.machineAll() - from.machineAll());
        return String.format(Locale.ROOT,
                "CPU %s: service %.1f ms/order (%.2f cores), PostgreSQL %.1f ms/order (%.2f cores), clients (this JVM, or pgbench) %.1f ms/order"
                        + " (%.2f cores), machine %.0f %% busy of %d cores%n",
                phase, 1000 * service / orders, service / seconds, 1000 * postgres / orders, postgres / seconds,
                1000 * clients / orders, clients / seconds, busy,
                Runtime.getRuntime().availableProcessors());
    }

    /** utime + stime of a process, with its reaped children's when asked (the postmaster's exited backends). */
    private static long ticks(long pid, boolean withChildren) throws IOException {
        String[] stat = stat(Path.of("/proc", String.valueOf(pid)));
        if (stat == null) {
            return 0;
        }
        long ticks = Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
        return withChildren ? ticks + Long.parseLong(stat[15]) + Long.parseLong(stat[16]) : ticks;
    }

    /** The fields of {@code /proc/<pid>/stat} after the command name (which may hold spaces), numbered as in proc(5) from 0; null if gone. */
    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            String afterName = line.substring(line.lastIndexOf(')') + 2);
            String[] rest = afterName.split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = line.substring(0, line.indexOf(' '));
            fields[1] = "";
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
