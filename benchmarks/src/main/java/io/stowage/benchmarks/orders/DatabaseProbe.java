package io.stowage.benchmarks.orders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Looks at the service's PostgreSQL from beside it: whether it runs durable, what its sessions wait
 * on while orders flow ({@code pg_stat_activity} and ungranted {@code pg_locks}, sampled), how many
 * transactions committed and rolled back, and with {@code pg_stat_statements} how many statements an
 * order costs.
 */
final class DatabaseProbe implements AutoCloseable {

    private static final long SAMPLE_MILLIS = 50;

    private final Connection connection;
    private final int port;

    private DatabaseProbe(Connection connection, int port) {
        this.connection = connection;
        this.port = port;
    }

    /** Connects to the embedded PostgreSQL whose data directory is {@code postgresDir}: its pid file names the port. */
    static DatabaseProbe open(Path postgresDir) throws IOException, SQLException {
        List<String> pidFile = Files.readAllLines(postgresDir.resolve("postmaster.pid"));
        int port = Integer.parseInt(pidFile.get(3).trim());
        Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
        connection.setAutoCommit(true);
        return new DatabaseProbe(connection, port);
    }

    int port() {
        return port;
    }

    /** fsync, synchronous_commit and full_page_writes, and whether all three are on. */
    String durability() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : List.of("fsync", "synchronous_commit", "full_page_writes")) {
            settings.put(name, single("SHOW " + name));
        }
        boolean durable = settings.values().stream().allMatch("on"::equals);
        return settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + ", " + b).orElseThrow()
                + (durable ? " (durable)" : " (NOT DURABLE: figures are not comparable with the durable default)");
    }

    String version() throws SQLException {
        return single("SHOW server_version");
    }

    /** Loads pg_stat_statements at the next server start; true if it is loaded already. */
    boolean preloadStatementStatistics() throws SQLException {
        if (single("SHOW shared_preload_libraries").contains("pg_stat_statements")) {
            return true;
        }
        execute("ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
        return false;
    }

    void resetStatementStatistics() throws SQLException {
        execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        execute("SELECT pg_stat_statements_reset()");
    }

    /** Statements executed since the reset (BEGIN and COMMIT included), and the most frequent ones. */
    String statementStatistics(int orders, int top) throws SQLException {
        StringBuilder out = new StringBuilder();
        long calls;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%'")) {
            rows.next();
            calls = rows.getLong(1);
        }
        out.append(String.format(Locale.ROOT, "statements executed during the run: %d, %.1f per order (background loops included)%n",
                calls, calls / (double) orders));
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT calls, round(total_exec_time::numeric, 1) AS ms, regexp_replace(left(query, 110), '\\s+', ' ', 'g') AS query
                     FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat%' ORDER BY calls DESC LIMIT """ + " " + top)) {
            while (rows.next()) {
                out.append(String.format(Locale.ROOT, "  %7d calls %9s ms  %s%n", rows.getLong(1), rows.getString(2), rows.getString(3)));
            }
        }
        return out.toString();
    }

    /** Commits, rollbacks and deadlocks of the database so far. */
    long[] transactionCounters() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT xact_commit, xact_rollback, deadlocks FROM pg_stat_database WHERE datname = current_database()")) {
            rows.next();
            return new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3)};
        }
    }

    /** Samples what the service's sessions are doing until {@link Sampler#stop}. */
    Sampler startSampling() {
        Sampler sampler = new Sampler();
        Thread thread = new Thread(sampler, "pg-activity-sampler");
        thread.setDaemon(true);
        sampler.thread = thread;
        thread.start();
        return sampler;
    }

    /** Average number of the service's sessions per state and wait event, and of ungranted locks per kind, over the samples. */
    final class Sampler implements Runnable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Map<String, Long> sessions = new TreeMap<>();
        private final Map<String, Long> locks = new TreeMap<>();
        private int samples;
        private int maxConnections;
        private Thread thread;

        @Override
        public void run() {
            while (running.get()) {
                try {
                    sample();
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                } catch (SQLException e) {
                    System.out.println("sampling stopped: " + e.getMessage());
                    return;
                }
            }
        }

        private void sample() throws SQLException {
            int connections = 0;
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("""
                         SELECT CASE WHEN state = 'active' THEN 'active ' || coalesce(wait_event_type || ':' || wait_event, 'on CPU')
                                     ELSE coalesce(state, 'starting') END AS what, count(*)
                         FROM pg_stat_activity
                         WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND datname = current_database()
                         GROUP BY 1
                         """)) {
                while (rows.next()) {
                    sessions.merge(rows.getString(1), rows.getLong(2), Long::sum);
                    connections += rows.getInt(2);
                }
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("""
                         SELECT l.locktype || ' ' || l.mode || coalesce(' on ' || c.relname, '') AS what, count(*)
                         FROM pg_locks l LEFT JOIN pg_class c ON c.oid = l.relation
                         WHERE NOT l.granted GROUP BY 1
                         """)) {
                while (rows.next()) {
                    locks.merge(rows.getString(1), rows.getLong(2), Long::sum);
                }
            }
            maxConnections = Math.max(maxConnections, connections);
            samples++;
        }

        String stop() throws InterruptedException {
            running.set(false);
            thread.join();
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "database sessions of the service, average over %d samples every %d ms (most connections seen %d):%n",
                    samples, SAMPLE_MILLIS, maxConnections));
            append(out, sessions);
            out.append("waiting locks (ungranted pg_locks), average per sample:").append(locks.isEmpty() ? " none" : "").append('\n');
            append(out, locks);
            return out.toString();
        }

        private void append(StringBuilder out, Map<String, Long> totals) {
            List<Map.Entry<String, Long>> sorted = new ArrayList<>(totals.entrySet());
            sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            for (Map.Entry<String, Long> entry : sorted) {
                out.append(String.format(Locale.ROOT, "  %6.2f  %s%n", entry.getValue() / (double) Math.max(1, samples), entry.getKey()));
            }
        }
    }

    private String single(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
