package io.stowage.api.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.support.ApiTest;
import io.stowage.barcodes.decode.BarcodeDecoder;
import io.stowage.barcodes.decode.DecodedBarcode;
import io.stowage.barcodes.render.Symbology;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a return refuses, through the customer's JSON (a store that renders its own return page) and the
 * merchant's API: each refusal is problem+json and writes nothing (no return, no event, no exchange
 * order); then the customer's right request opens the return, whose label the customer's links serve.
 */
class ReturnRefusalsTest extends ApiTest {

    @Autowired
    TrackingTokens tokens;

    @Test
    void everyRefusalIsAProblemAndWritesNothing() {
        ReturnableOrder shipped = ReturnableOrder.shipped(this, tokens);
        // Its own client (a random X-Forwarded-For from the local proxy), so the customer pages' limits do not leak between tests
        WebTestClient web = this.web.mutate().defaultHeader("X-Forwarded-For", "198.51.100.7-" + UUID.randomUUID()).build();
        WebTestClient merchant = shipped.merchant(this);
        String json = "/track/" + shipped.token + "/return.json";
        Map<String, Object> oneTee = Map.of("email", ReturnableOrder.EMAIL, "items", List.of(
                Map.of("sku", "TEE-M-NAVY", "quantity", 1, "reason", "changed_mind")));

        // An e-mail address that is not the order's, or none at all
        refused(web.post().uri(json).bodyValue(Map.of("email", "someone@example.com", "items", oneTee.get("items"))).exchange(),
                403, "tracking-answer-mismatch");
        refused(web.post().uri(json).bodyValue(Map.of("items", oneTee.get("items"))).exchange(), 422, "invalid-request");
        // An unknown link tells nothing
        refused(web.post().uri("/track/{token}/return.json", "no-such-token").bodyValue(oneTee).exchange(), 404, "not-found");

        // An item not in the order, more units than shipped, a SKU the policy never takes back
        refused(web.post().uri(json).bodyValue(Map.of("postal_code", ReturnableOrder.POSTAL_CODE, "items", List.of(
                Map.of("sku", "TEE-L-NAVY", "quantity", 1, "reason", "changed_mind")))).exchange(), 422, "item-not-in-order");
        refused(web.post().uri(json).bodyValue(Map.of("email", ReturnableOrder.EMAIL, "items", List.of(
                Map.of("sku", "TEE-M-NAVY", "quantity", 2, "reason", "changed_mind")))).exchange(), 409, "more-than-shipped");
        ReturnableOrder.policy(merchant, 30, List.of("TEE-S-SAND"));
        refused(web.post().uri(json).bodyValue(Map.of("email", ReturnableOrder.EMAIL, "items", List.of(
                Map.of("sku", "TEE-S-SAND", "quantity", 1, "reason", "damaged")))).exchange(), 422, "not-returnable");

        // Outside the window: a window of 0 days closed when the parcel left
        ReturnableOrder.policy(merchant, 0, List.of());
        refused(web.post().uri(json).bodyValue(oneTee).exchange(), 409, "return-window-closed");
        refused(merchant.post().uri("/api/v1/returns").header("Idempotency-Key", "late-" + UUID.randomUUID())
                .bodyValue(Map.of("order_id", shipped.orderId, "items", oneTee.get("items"))).exchange(), 409, "return-window-closed");
        ReturnableOrder.policy(merchant, 30, List.of());

        // An order that never shipped
        shipped.floor.stock("TEE-L-NAVY", "P-03-04-A", 1);
        String unshipped = (String) merchant.post().uri("/api/v1/orders").header("Idempotency-Key", "order-" + UUID.randomUUID())
                .bodyValue(Map.of("customer", Map.of("name", "Ona Petraitytė", "email", ReturnableOrder.EMAIL, "address", Map.of("line", "Gedimino pr. 1",
                                "city", "Vilnius", "postal_code", ReturnableOrder.POSTAL_CODE, "country", "LT")),
                        "lines", List.of(Map.of("sku", "TEE-L-NAVY", "quantity", 1)), "service_level", "standard", "channel", "web"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        refused(merchant.post().uri("/api/v1/returns").header("Idempotency-Key", "unshipped-" + UUID.randomUUID())
                .bodyValue(Map.of("order_id", unshipped, "items", List.of(Map.of("sku", "TEE-L-NAVY", "quantity", 1, "reason", "changed_mind"))))
                .exchange(), 409, "order-not-shipped");

        // Nothing was written: no return event, the order has no return, nothing of it was reserved in exchange
        merchant.get().uri("/api/v1/events?type=return.requested").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        merchant.get().uri("/api/v1/orders/{id}", shipped.orderId).exchange().expectBody().jsonPath("$.status").isEqualTo("shipped");

        // The right request opens the return; the customer's links serve its label and drop-off QR code
        Map<?, ?> opened = web.post().uri(json).bodyValue(Map.of("postal_code", "LT-01103", "items", List.of(
                        Map.of("sku", "TEE-M-NAVY", "quantity", 1, "reason", "changed_mind"),
                        Map.of("sku", "TEE-S-SAND", "quantity", 1, "reason", "wrong_size", "exchange_sku", "TEE-L-NAVY"))))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String rma = (String) opened.get("rma");
        assertThat(opened.get("exchange_reserved")).isEqualTo(true);
        Map<?, ?> label = (Map<?, ?>) opened.get("label");
        assertThat((String) label.get("pdf_url")).isEqualTo("/track/" + shipped.token + "/return/" + rma + "/label?format=pdf");
        byte[] pdf = web.get().uri((String) label.get("pdf_url")).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF).expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(Arrays.copyOf(pdf, 5), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        byte[] qr = web.get().uri((String) label.get("drop_off_qr_url")).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(BarcodeDecoder.decodeAll(qr)).extracting(DecodedBarcode::symbology).containsExactly(Symbology.QR_CODE);
        // Another link's RMA, or a made-up one, finds nothing
        web.get().uri("/track/{token}/return/{rma}/label", shipped.token, "RMA-AAAAAAAAAA").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        merchant.get().uri("/api/v1/events?type=return.requested").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].data.requested_by").isEqualTo("customer")
                .jsonPath("$.items[0].data.rma").isEqualTo(rma);
    }

    private static void refused(WebTestClient.ResponseSpec response, int status, String type) {
        response.expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").value(t -> assertThat((String) t).endsWith("/" + type));
    }
}
