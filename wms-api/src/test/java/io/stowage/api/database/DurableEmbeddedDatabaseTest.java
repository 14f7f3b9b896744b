package io.stowage.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The README's start path (no STOWAGE_DB_URL): the embedded PostgreSQL keeps what it acknowledged. */
class DurableEmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @AfterEach
    void stop() {
        DatabaseEnvironmentPostProcessor.stopEmbedded();
    }

    @Test
    void theDefaultEmbeddedDatabaseWritesEveryCommitToDiskBeforeAnsweringIt() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("STOWAGE_DATA_DIR", dataDir.toString())));

        new DatabaseEnvironmentPostProcessor(Supplier::get).postProcessEnvironment(environment, new SpringApplication());

        String url = environment.getProperty("spring.flyway.url");
        try (Connection connection = DriverManager.getConnection(url, environment.getProperty("spring.flyway.user"),
                environment.getProperty("spring.flyway.password"))) {
            assertThat(show(connection, "fsync")).isEqualTo("on");
            assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(show(connection, "full_page_writes")).isEqualTo("on");
            assertThat(Path.of(show(connection, "data_directory")).toRealPath()).isEqualTo(dataDir.resolve("postgres").toRealPath());
        }
    }

    @Test
    void stoppingTheServiceStopsItsPostgresql() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("STOWAGE_DATA_DIR", dataDir.toString())));
        new DatabaseEnvironmentPostProcessor(Supplier::get).postProcessEnvironment(environment, new SpringApplication());
        long pid = PostmasterPidFile.in(dataDir.resolve("postgres")).orElseThrow().pid();

        DatabaseEnvironmentPostProcessor.stopEmbedded();

        assertThat(Files.exists(dataDir.resolve("postgres").resolve(PostmasterPidFile.NAME))).isFalse();
        // pg_ctl waits for the pid file to go; the process itself exits a moment later.
        Eventually.await(() -> ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true));
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }
}
