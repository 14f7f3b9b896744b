package io.stowage.api.shipping;

import io.stowage.api.commands.Commands;
import io.stowage.api.merchants.Merchants;
import io.stowage.carriers.label.SsccIssuer;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import reactor.core.publisher.Mono;

/**
 * Opens the shipment of a closed carton inside the close's transaction: an SSCC from the database
 * sequence under the merchant's GS1 company prefix (else the 3PL's), status {@code label_pending},
 * claimed by this instance for the purchase lease. The label is bought once the close has
 * committed; if this instance dies first, the recovery loop of any instance buys it when the lease
 * runs out.
 */
@Component
class ShipmentOpening {

    /** The carton as shipping needs it. */
    record Carton(UUID cartonId, UUID merchantId, UUID nodeId, UUID orderId, String orderNumber, int cartonNumber,
                  int lengthMm, int widthMm, int heightMm, int weightGrams) {
    }

    private final DatabaseClient db;
    private final Merchants merchants;
    private final LabelPurchases purchases;
    private final ShippingSettings settings;
    private final ShippingInstance instance;

    ShipmentOpening(DatabaseClient db, Merchants merchants, LabelPurchases purchases, ShippingSettings settings, ShippingInstance instance) {
        this.db = db;
        this.merchants = merchants;
        this.purchases = purchases;
        this.settings = settings;
        this.instance = instance;
    }

    /** Opens the shipment in the caller's transaction and arranges the purchase for after its commit. */
    Mono<UUID> open(Carton carton) {
        return sscc(carton.merchantId())
                .flatMap(sscc -> db.sql("""
                                INSERT INTO shipments (merchant_id, node_id, order_id, order_number, carton_id, carton_number, sscc, status,
                                                       weight_grams, length_mm, width_mm, height_mm, claimed_by, claimed_until)
                                VALUES (:merchant, :node, :order, :orderNumber, :carton, :cartonNumber, :sscc, 'label_pending',
                                        :weight, :length, :width, :height, :me, clock_timestamp() + CAST(:lease AS interval))
                                RETURNING id
                                """)
                        .bind("merchant", carton.merchantId()).bind("node", carton.nodeId()).bind("order", carton.orderId())
                        .bind("orderNumber", carton.orderNumber()).bind("carton", carton.cartonId())
                        .bind("cartonNumber", carton.cartonNumber()).bind("sscc", sscc)
                        .bind("weight", carton.weightGrams()).bind("length", carton.lengthMm()).bind("width", carton.widthMm())
                        .bind("height", carton.heightMm()).bind("me", instance.id())
                        .bind("lease", settings.purchaseLease().toMillis() + " milliseconds")
                        .map(row -> row.get("id", UUID.class)).one())
                .flatMap(id -> buyAfterCommit(id).thenReturn(id));
    }

    private Mono<Void> buyAfterCommit(UUID shipmentId) {
        return Commands.afterCommit(() -> purchases.buy(shipmentId).subscribe())
                // Outside a transaction the shipment is stored already.
                .onErrorResume(NoTransactionException.class, e -> Mono.fromRunnable(() -> purchases.buy(shipmentId).subscribe()));
    }

    /** The next SSCC: a serial from the sequence (never handed out twice, on any instance) under the company prefix. */
    private Mono<String> sscc(UUID merchantId) {
        return merchants.get(merchantId)
                .map(merchant -> merchant.gs1CompanyPrefix() == null || merchant.gs1CompanyPrefix().isBlank()
                        ? settings.gs1CompanyPrefix() : merchant.gs1CompanyPrefix())
                .zipWith(db.sql("SELECT nextval('shipping_sscc_serials') AS serial").map(row -> row.get("serial", Long.class)).one())
                .map(prefixAndSerial -> new SsccIssuer(prefixAndSerial.getT1(), settings.ssccExtensionDigit(), prefix -> prefixAndSerial.getT2())
                        .next().value());
    }
}
