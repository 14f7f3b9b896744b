package io.stowage.api.dispatch;

import io.stowage.api.Published;
import io.stowage.api.access.Secrets;
import io.stowage.api.shipping.Shipments;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The public tracking link of a shipment: {@code <public-url>/track/<token>}, where the token is 32
 * random bytes (URL-safe Base64), so a link cannot be guessed from another one, from the SSCC or
 * from the tracking number. One token per shipment, made the first time it is asked for and kept.
 * The tracking page (issue 12) finds the shipment by its token with {@link #byToken}.
 */
@Service
@Published
public class TrackingTokens {

    /** A shipment's token and the public page it opens. */
    public record TrackingToken(UUID shipmentId, UUID merchantId, String token, String url) {
    }

    private final DatabaseClient db;
    private final Shipments shipments;
    private final String trackingBase;

    TrackingTokens(DatabaseClient db, Shipments shipments, @Value("${stowage.public-url}") String publicUrl) {
        this.db = db;
        this.shipments = shipments;
        this.trackingBase = (publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl) + "/track/";
    }

    /** The shipment's token, made now when it has none; empty when no such shipment exists. */
    public Mono<TrackingToken> forShipment(UUID shipmentId) {
        return existing(shipmentId)
                .switchIfEmpty(Mono.defer(() -> shipments.byId(null, shipmentId)
                        .flatMap(shipment -> issue(shipment.id(), shipment.merchantId()))));
    }

    /** The shipment a public link names; empty for a token never given out. */
    public Mono<TrackingToken> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Mono.empty();
        }
        return db.sql("SELECT shipment_id, merchant_id, token FROM shipment_tracking_tokens WHERE token = :token")
                .bind("token", token)
                .map(row -> view(row.get("shipment_id", UUID.class), row.get("merchant_id", UUID.class), row.get("token", String.class)))
                .one();
    }

    /** The shipment's token, made in the caller's transaction when it has none; two callers at once get the same one. */
    Mono<TrackingToken> issue(UUID shipmentId, UUID merchantId) {
        return db.sql("""
                        INSERT INTO shipment_tracking_tokens (shipment_id, merchant_id, token) VALUES (:shipment, :merchant, :token)
                        ON CONFLICT (shipment_id) DO NOTHING
                        """)
                .bind("shipment", shipmentId).bind("merchant", merchantId).bind("token", Secrets.newSecret(""))
                .then()
                .then(existing(shipmentId));
    }

    private Mono<TrackingToken> existing(UUID shipmentId) {
        return db.sql("SELECT merchant_id, token FROM shipment_tracking_tokens WHERE shipment_id = :shipment")
                .bind("shipment", shipmentId)
                .map(row -> view(shipmentId, row.get("merchant_id", UUID.class), row.get("token", String.class)))
                .one();
    }

    private TrackingToken view(UUID shipmentId, UUID merchantId, String token) {
        return new TrackingToken(shipmentId, merchantId, token, trackingBase + token);
    }
}
