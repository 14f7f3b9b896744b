package io.stowage.api.network;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The one mapping between {@code nodes} rows and {@link Node}. */
final class NodeRows {

    static final String COLUMNS = """
            n.id, n.code, n.kind, n.name, n.merchant_id, n.address_line, n.city, n.postal_code, n.country,
            n.latitude, n.longitude, n.time_zone, n.created_at""";

    private NodeRows() {
    }

    static Node node(Readable row) {
        return new Node(row.get("id", UUID.class), row.get("code", String.class), row.get("kind", String.class),
                row.get("name", String.class), row.get("merchant_id", UUID.class),
                new Node.Address(row.get("address_line", String.class), row.get("city", String.class),
                        row.get("postal_code", String.class), row.get("country", String.class)),
                row.get("latitude", Double.class), row.get("longitude", Double.class), row.get("time_zone", String.class),
                row.get("created_at", OffsetDateTime.class));
    }
}
