package io.stowage.api.shipping;

import io.stowage.api.Published;
import io.stowage.carriers.sandbox.SandboxCarrier;
import io.stowage.carriers.spi.Carrier;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The carrier integrations as tracking needs them: the one a shipment's label was bought from (to
 * pull its tracking), the installation's carriers by code (to read their webhooks), and the sandbox,
 * whose scripted journeys live in this instance's memory.
 */
@Component
@Published
public class TrackedCarriers {

    private final DatabaseClient db;
    private final MerchantCarriers carriers;
    private final ShippingSettings settings;

    TrackedCarriers(DatabaseClient db, MerchantCarriers carriers, ShippingSettings settings) {
        this.db = db;
        this.carriers = carriers;
        this.settings = settings;
    }

    /** The integration the shipment's label was bought through (with the merchant's account), or empty when it is not configured any more. */
    public Mono<Carrier> ofShipment(UUID shipmentId) {
        return db.sql("SELECT carrier_code, carrier_account_id FROM shipments WHERE id = :id AND carrier_code IS NOT NULL")
                .bind("id", shipmentId)
                .map(row -> new Object[] {row.get("carrier_code", String.class), row.get("carrier_account_id", UUID.class)})
                .one()
                .flatMap(row -> carriers.forPurchase(LabelPurchases.integration((String) row[0]), (UUID) row[1]));
    }

    /** The installation's carrier with this code (the sandbox, a rate card's carrier). */
    public Optional<Carrier> installation(String carrierCode) {
        return carriers.installation(carrierCode);
    }

    public SandboxCarrier sandbox() {
        return carriers.sandbox();
    }

    /** The secret the installation's sandbox signs its webhooks with. */
    public String sandboxWebhookSecret() {
        return settings.sandboxWebhookSecret();
    }
}
