package io.stowage.api.shipping;

import io.r2dbc.spi.Readable;
import io.stowage.api.database.Params;
import io.stowage.carriers.sandbox.SandboxParcel;
import io.stowage.carriers.sandbox.SandboxParcels;
import io.stowage.carriers.tracking.PickupPointJson;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox carrier's parcels in the database ({@code sandbox_parcels}), so that every instance of
 * the service sees the labels any of them bought: a label bought on one instance is voided, tracked
 * and reported by webhooks from another, as with a real carrier that keeps its parcels on its side.
 * Every query runs on R2DBC and hands the carrier its answer as a stage, so no thread waits for it.
 */
@Component
class SandboxParcelTable implements SandboxParcels {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DatabaseClient db;

    SandboxParcelTable(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public CompletionStage<Void> add(SandboxParcel parcel) {
        return db.sql("""
                        INSERT INTO sandbox_parcels (tracking_number, scans, cancelled_at, webhooks_sent)
                        VALUES (:tracking, CAST(:scans AS jsonb), :cancelled, :sent)
                        ON CONFLICT (tracking_number) DO NOTHING
                        """)
                .bind("tracking", parcel.trackingNumber()).bind("scans", scans(parcel.scans()))
                .bind("cancelled", Params.nullable(at(parcel.cancelledAt()), OffsetDateTime.class))
                .bind("sent", parcel.webhooksSent())
                .then().toFuture();
    }

    @Override
    public CompletionStage<Optional<SandboxParcel>> find(String trackingNumber) {
        return db.sql("SELECT tracking_number, scans::text AS scans, cancelled_at, webhooks_sent FROM sandbox_parcels WHERE tracking_number = :tracking")
                .bind("tracking", trackingNumber).map(SandboxParcelTable::parcel).one()
                .map(Optional::of).defaultIfEmpty(Optional.empty()).toFuture();
    }

    @Override
    public CompletionStage<Void> replace(SandboxParcel parcel) {
        return db.sql("""
                        UPDATE sandbox_parcels SET scans = CAST(:scans AS jsonb), cancelled_at = :cancelled, webhooks_sent = :sent,
                               updated_at = clock_timestamp()
                        WHERE tracking_number = :tracking
                        """)
                .bind("tracking", parcel.trackingNumber()).bind("scans", scans(parcel.scans()))
                .bind("cancelled", Params.nullable(at(parcel.cancelledAt()), OffsetDateTime.class))
                .bind("sent", parcel.webhooksSent())
                .then().toFuture();
    }

    @Override
    public CompletionStage<Void> markWebhooksSent(SandboxParcel sent) {
        return db.sql("""
                        UPDATE sandbox_parcels SET webhooks_sent = :sent, updated_at = clock_timestamp()
                        WHERE tracking_number = :tracking AND webhooks_sent < :sent
                          AND jsonb_array_length(scans) = :count AND scans -> -1 ->> 'code' = :lastCode
                        """)
                .bind("tracking", sent.trackingNumber()).bind("sent", sent.webhooksSent()).bind("count", sent.scans().size())
                .bind("lastCode", sent.scans().get(sent.scans().size() - 1).code())
                .then().toFuture();
    }

    @Override
    public CompletionStage<List<SandboxParcel>> withUnsentScans() {
        return db.sql("""
                        SELECT tracking_number, scans::text AS scans, cancelled_at, webhooks_sent FROM sandbox_parcels
                        WHERE webhooks_sent < jsonb_array_length(scans) ORDER BY created_at, tracking_number
                        """)
                .map(SandboxParcelTable::parcel).all().collectList().toFuture();
    }

    @Override
    public CompletionStage<Void> addReturnLabel(String trackingNumber, Instant issuedAt) {
        return db.sql("INSERT INTO sandbox_return_labels (tracking_number, issued_at) VALUES (:tracking, :issued) ON CONFLICT (tracking_number) DO NOTHING")
                .bind("tracking", trackingNumber).bind("issued", at(issuedAt))
                .then().toFuture();
    }

    @Override
    public CompletionStage<Optional<Instant>> returnLabelIssuedAt(String trackingNumber) {
        return db.sql("SELECT issued_at FROM sandbox_return_labels WHERE tracking_number = :tracking")
                .bind("tracking", trackingNumber).map(row -> row.get("issued_at", OffsetDateTime.class).toInstant()).one()
                .map(Optional::of).defaultIfEmpty(Optional.empty()).toFuture();
    }

    private static String scans(List<SandboxParcel.Scan> scans) {
        ArrayNode array = JSON.createArrayNode();
        for (SandboxParcel.Scan scan : scans) {
            ObjectNode node = array.addObject();
            node.put("at", scan.at().toString());
            node.put("code", scan.code());
            node.put("message", scan.message());
            node.put("location", scan.location());
            if (scan.pickupPoint() != null) {
                node.set("pickup_point", PickupPointJson.write(scan.pickupPoint()));
            }
        }
        return JSON.writeValueAsString(array);
    }

    private static SandboxParcel parcel(Readable row) {
        List<SandboxParcel.Scan> scans = new ArrayList<>();
        for (JsonNode scan : JSON.readTree(row.get("scans", String.class))) {
            JsonNode point = scan.get("pickup_point");
            scans.add(new SandboxParcel.Scan(Instant.parse(scan.path("at").asString()), scan.path("code").asString(),
                    scan.path("message").asString(""), scan.path("location").asString(""),
                    point == null || point.isNull() ? null : PickupPointJson.read(point)));
        }
        OffsetDateTime cancelled = row.get("cancelled_at", OffsetDateTime.class);
        return new SandboxParcel(row.get("tracking_number", String.class), scans, cancelled == null ? null : cancelled.toInstant(),
                row.get("webhooks_sent", Integer.class));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
