package io.stowage.api.shipping;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The shipment columns every query reads, and how a row becomes a {@link ShipmentView}. */
final class ShipmentRows {

    static final String COLUMNS = """
            s.id, s.merchant_id, s.node_id, s.order_id, s.order_number, s.carton_id, s.carton_number, s.sscc, s.carrier_code,
            s.service_code, s.tracking_number, s.carrier_tracking_url, s.status, s.failure_reason, s.weight_grams, s.labelled_at,
            s.requested_service, s.selection_reason, s.price_minor, s.currency, s.transit_days, s.attempts, s.created_at, s.voided_at
            """;

    private ShipmentRows() {
    }

    static ShipmentView view(Readable row) {
        return new ShipmentView(row.get("id", UUID.class), row.get("merchant_id", UUID.class), row.get("node_id", UUID.class),
                row.get("order_id", UUID.class), row.get("order_number", String.class), row.get("carton_id", UUID.class),
                row.get("carton_number", Integer.class), row.get("sscc", String.class), row.get("carrier_code", String.class),
                row.get("service_code", String.class), row.get("tracking_number", String.class),
                row.get("carrier_tracking_url", String.class), row.get("status", String.class), row.get("failure_reason", String.class),
                row.get("weight_grams", Integer.class), instant(row, "labelled_at"), row.get("requested_service", String.class),
                row.get("selection_reason", String.class), row.get("price_minor", Long.class), row.get("currency", String.class),
                row.get("transit_days", Integer.class), row.get("attempts", Integer.class), instant(row, "created_at"), instant(row, "voided_at"));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime at = row.get(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
