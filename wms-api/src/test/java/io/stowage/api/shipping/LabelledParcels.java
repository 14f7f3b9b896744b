package io.stowage.api.shipping;

import io.stowage.api.support.ApiTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Labelled shipments for other features' tests (tracking): a merchant's order to Vilnius, one carton
 * closed for it as the pack station would, its label bought on the carrier service asked for.
 */
public final class LabelledParcels {

    private final ShippingDesk desk;
    private final ApplicationContext context;

    private LabelledParcels(ShippingDesk desk, ApplicationContext context) {
        this.desk = desk;
        this.context = context;
    }

    /** A new merchant and warehouse (World) ready to ship. */
    public static LabelledParcels create(ApiTest test, ApplicationContext context) {
        return new LabelledParcels(ShippingDesk.create(test), context);
    }

    public WebTestClient merchant() {
        return desk.merchant();
    }

    public String merchantKey() {
        return desk.world.merchantKey;
    }

    public UUID merchantId() {
        return desk.merchantId;
    }

    public UUID nodeId() {
        return desk.nodeId;
    }

    /** An order of one tee to Vilnius with the shopper's {@code carrier/service} (or none), its carton closed and labelled: the shipment. */
    public Map<?, ?> labelled(String carrierService) {
        return labelled(carrierService, null);
    }

    /** As {@link #labelled(String)}, with the delivery date promised at checkout. */
    public Map<?, ?> labelled(String carrierService, LocalDate promisedOn) {
        UUID orderId = promisedOn == null ? desk.order(carrierService) : order(carrierService, promisedOn);
        UUID cartonId = desk.closeCarton(context, orderId, 1, 400);
        return desk.awaitLabelled(cartonId);
    }

    private UUID order(String carrierService, LocalDate promisedOn) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "customer", Map.of("name", "Ona Petraitytė", "email", "ona@example.lt",
                        "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius", "postal_code", "01103", "country", "LT",
                                "latitude", 54.6872, "longitude", 25.2797)),
                "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 1)), "service_level", "standard", "channel", "web",
                "promised_on", promisedOn.toString()));
        if (carrierService != null) {
            body.put("carrier_service", carrierService);
        }
        Map<?, ?> order = merchant().post().uri("/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(body).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) order.get("id"));
    }
}
