package io.stowage.api.database;

import java.net.URI;

/**
 * A PostgreSQL address as operators write it ({@code postgresql://host:port/db}), turned into
 * the two forms the service needs: R2DBC for requests and JDBC for Flyway migrations.
 */
public record DatabaseUrl(String host, int port, String database) {

    public static DatabaseUrl parse(String text) {
        String trimmed = text.trim()
                .replaceFirst("^jdbc:", "")
                .replaceFirst("^r2dbc:", "");
        URI uri = URI.create(trimmed);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("STOWAGE_DB_URL must look like postgresql://host:port/database, got " + text);
        }
        String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || database.isBlank()) {
            throw new IllegalArgumentException("STOWAGE_DB_URL must name a host and a database, got " + text);
        }
        return new DatabaseUrl(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database);
    }

    public String r2dbc() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String jdbc() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
}
