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
import org.apache.commons.logging.Log;

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

    private LeftoverPostmaster() {
    }

    /** Leaves no running server on {@code dataDirectory}, waiting at most about twice {@code patience}. */
    static void clear(Path dataDirectory, Duration patience, Log log) {
        Optional<PostmasterPidFile> pidFile = PostmasterPidFile.in(dataDirectory);
        if (pidFile.isEmpty()) {
            return;
        }
        PostmasterPidFile found = pidFile.get();
        Optional<ProcessHandle> process = ProcessHandle.of(found.pid()).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("PostgreSQL on " + dataDirectory + " was killed (pid " + found.pid() + " is gone): it recovers from its log as it starts");
            return;
        }
        switch (identify(process.get(), dataDirectory)) {
            case THIS_SERVER -> {
                log.warn("PostgreSQL (pid " + found.pid() + ", port " + found.port() + ") still runs on " + dataDirectory
                        + " from a service that did not stop: stopping it");
                stop(process.get(), patience, log);
            }
            case OTHER_PROCESS -> {
                // The pid was reused by an unrelated process after a crash or reboot; PostgreSQL would
                // refuse to start while a live process holds "its" pid, so the file is stale for sure.
                log.warn(found.file() + " names pid " + found.pid() + ", which is not a PostgreSQL on this data directory: removing the stale file");
                delete(found.file());
            }
            case UNKNOWN -> log.warn(found.file() + " names pid " + found.pid() + ", whose command this user cannot see: leaving it to PostgreSQL");
        }
    }

    /** Whose pid it is, as far as this user can tell. */
    enum Identity { THIS_SERVER, OTHER_PROCESS, UNKNOWN }

    /** True when the process is a PostgreSQL server whose data directory is {@code dataDirectory}. */
    static boolean isPostgresOn(ProcessHandle process, Path dataDirectory) {
        return identify(process, dataDirectory) == Identity.THIS_SERVER;
    }

    static Identity identify(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        Optional<String> command = info.command();
        if (command.isEmpty()) {
            // Another user's process: never remove a pid file (or stop a server) on a guess.
            return Identity.UNKNOWN;
        }
        String name = Path.of(command.get()).getFileName().toString();
        if (!name.equals("postgres") && !name.equals("postgres.exe")) {
            return Identity.OTHER_PROCESS;
        }
        Path wanted = realPath(dataDirectory);
        String[] arguments = info.arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D")) {
                return realPath(Path.of(arguments[i + 1])).equals(wanted) ? Identity.THIS_SERVER : Identity.OTHER_PROCESS;
            }
        }
        // PostgreSQL works in its data directory; Linux shows that when the arguments do not.
        Path workingDirectory = Path.of("/proc", Long.toString(process.pid()), "cwd");
        if (Files.exists(workingDirectory)) {
            return realPath(workingDirectory).equals(wanted) ? Identity.THIS_SERVER : Identity.OTHER_PROCESS;
        }
        return Identity.UNKNOWN;
    }

    private static void stop(ProcessHandle postmaster, Duration patience, Log log) {
        List<ProcessHandle> children = new ArrayList<>(postmaster.descendants().toList());
        // SIGTERM: a smart shutdown, which writes a checkpoint. The dead service's sessions are gone already.
        postmaster.destroy();
        if (exited(postmaster, patience)) {
            return;
        }
        log.warn("PostgreSQL (pid " + postmaster.pid() + ") did not stop within " + patience + ": killing it and its processes; it recovers from its log at start");
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
