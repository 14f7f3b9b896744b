package io.stowage.api.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a killed service leaves on its embedded data directory so the next start comes up
 * by itself. The embedded PostgreSQL is started through {@code pg_ctl}, so it is not the JVM's
 * child: when the JVM is killed, the server keeps running on the data directory, and a new server
 * cannot start there. Such an orphan is stopped (smart shutdown, then killed with its children if
 * it does not stop in time); the caller then starts a fresh server with its own settings. A pid
 * file whose process is gone is left to PostgreSQL, which removes it and recovers from its log.
 * The caller must hold the data directory's lock first: a server that a running service owns is
 * never an orphan.
 */
final class LeftoverPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);

    private LeftoverPostmaster() {
    }

    /** Leaves no running server on {@code dataDirectory}, waiting at most about twice {@code patience}. */
    static void clear(Path dataDirectory, Duration patience) {
        Optional<PostmasterPidFile> pidFile = PostmasterPidFile.in(dataDirectory);
        if (pidFile.isEmpty()) {
            return;
        }
        PostmasterPidFile found = pidFile.get();
        Optional<ProcessHandle> process = ProcessHandle.of(found.pid()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            LOG.info("PostgreSQL on {} was killed (pid {} is gone): it recovers from its log as it starts", dataDirectory, found.pid());
            return;
        }
        if (!isPostgresOn(process.get(), dataDirectory)) {
            // The pid was reused by an unrelated process after a crash or reboot; PostgreSQL would
            // refuse to start while a live process holds "its" pid, so the file is stale for sure.
            LOG.warn("{} names pid {}, which is not a PostgreSQL on this data directory: removing the stale file", found.file(), found.pid());
            delete(found.file());
            return;
        }
        LOG.warn("PostgreSQL (pid {}, port {}) still runs on {} from a service that did not stop: stopping it", found.pid(), found.port(), dataDirectory);
        stop(process.get(), patience);
    }

    /** True when the process is a PostgreSQL server whose data directory is {@code dataDirectory}. */
    static boolean isPostgresOn(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(command -> Path.of(command).getFileName().toString())
                .map(name -> name.equals("postgres") || name.equals("postgres.exe"))
                .orElse(false);
        if (!postgres) {
            return false;
        }
        Path wanted = realPath(dataDirectory);
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && realPath(Path.of(arguments[i + 1])).equals(wanted)) {
                return true;
            }
        }
        // PostgreSQL works in its data directory; Linux shows that when the arguments do not.
        Path workingDirectory = Path.of("/proc", Long.toString(process.pid()), "cwd");
        return Files.exists(workingDirectory) && realPath(workingDirectory).equals(wanted);
    }

    private static void stop(ProcessHandle postmaster, Duration patience) {
        List<ProcessHandle> children = new ArrayList<>(postmaster.descendants().toList());
        // SIGTERM: a smart shutdown, which writes a checkpoint. The dead service's sessions are gone already.
        postmaster.destroy();
        if (exited(postmaster, patience)) {
            return;
        }
        LOG.warn("PostgreSQL (pid {}) did not stop within {}: killing it and its processes; it recovers from its log at start", postmaster.pid(), patience);
        children.addAll(postmaster.descendants().toList());
        postmaster.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        // Shared memory is released only when every process of the old server is gone.
        boolean gone = exited(postmaster, patience);
        for (ProcessHandle child : children) {
            gone &= exited(child, patience);
        }
        if (!gone) {
            throw new IllegalStateException("PostgreSQL (pid " + postmaster.pid() + ") on the data directory could not be stopped: stop it and start again");
        }
    }

    private static boolean exited(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL (pid " + process.pid() + ")", e);
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the stale " + file, e);
        }
    }
}
