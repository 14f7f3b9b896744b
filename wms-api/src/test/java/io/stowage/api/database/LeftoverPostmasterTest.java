package io.stowage.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pid file left by a killed server: only a live PostgreSQL on that data directory is stopped. */
class LeftoverPostmasterTest {

    @TempDir
    Path dataDir;

    @Test
    void aPidFileNamingALiveProcessThatIsNotPostgresIsStaleAndRemoved() throws IOException {
        // This JVM stands in for whatever reused the pid after a crash.
        Path pidFile = writePidFile(ProcessHandle.current().pid());

        assertThat(LeftoverPostmaster.isPostgresOn(ProcessHandle.current(), dataDir)).isFalse();
        LeftoverPostmaster.clear(dataDir, Duration.ofSeconds(5), LogFactory.getLog(LeftoverPostmasterTest.class));

        assertThat(Files.exists(pidFile)).isFalse();
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void aPidFileNamingAProcessThatIsGoneIsLeftToPostgresqlsOwnRecovery() throws Exception {
        Process finished = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        finished.waitFor();
        Path pidFile = writePidFile(finished.pid());

        LeftoverPostmaster.clear(dataDir, Duration.ofSeconds(5), LogFactory.getLog(LeftoverPostmasterTest.class));

        assertThat(Files.exists(pidFile)).isTrue();
    }

    @Test
    void aShortOrGarbledPidFileIsNotReadAsAServer() throws IOException {
        Files.writeString(dataDir.resolve(PostmasterPidFile.NAME), "12");
        assertThat(PostmasterPidFile.in(dataDir)).isEmpty();
        Files.writeString(dataDir.resolve(PostmasterPidFile.NAME), "x\n" + dataDir + "\n1\ny\n");
        assertThat(PostmasterPidFile.in(dataDir)).isEmpty();
    }

    private Path writePidFile(long pid) throws IOException {
        // The layout PostgreSQL 17 writes: pid, data directory, start time, port, socket directory, listen address, shared memory key, status.
        return Files.writeString(dataDir.resolve(PostmasterPidFile.NAME),
                pid + "\n" + dataDir + "\n1764820000\n54321\n/tmp\nlocalhost\n  1234567   32768\nready   \n");
    }
}
