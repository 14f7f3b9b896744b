package io.stowage.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.Eventually;
import io.stowage.api.support.FastDeliveryTest;
import io.stowage.api.webhooks.StandardWebhooksVerifier;
import io.stowage.api.webhooks.WebhookReceiver;
import io.stowage.barcodes.decode.BarcodeDecoder;
import io.stowage.barcodes.decode.DecodedBarcode;
import io.stowage.barcodes.render.Symbology;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11's "done when": the README's demo order walks from allocated to shipped through the HTTP
 * API, as the store, the supervisor, the picker-packer and the dock would drive it: a wave, the pick,
 * packing with one wrong scan refused, the carton's box as suggested, the label (its PNG decoded back:
 * the carton's SSCC as GS1-128 with AI 00), the loading scan and the manifest. The store's webhook
 * receiver gets every event written for the merchant meanwhile, each verified by its signature.
 */
class DemoOrderShipsTest extends FastDeliveryTest {

    private static final String STORE = "sk_demo_amber_and_linen";
    private static final String TEE_M_NAVY_GTIN = "4771234560047";
    private static final String TEE_L_NAVY_GTIN = "4771234560078";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void demo(DynamicPropertyRegistry registry) {
        registry.add("stowage.demo", () -> "true");
    }

    @Autowired
    JsonMapper json;

    private final WebhookReceiver receiver = new WebhookReceiver();

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void theDemoOrderGoesFromAllocatedToShippedAndTheStoreHearsEveryStepSigned() throws Exception {
        Eventually.await(PATIENCE, () -> as(STORE).get().uri("/api/v1/availability?sku=TEE-M-NAVY").exchange()
                .returnResult(String.class).getStatus().value() == 200);
        Map<?, ?> endpoint = as(STORE).post().uri("/api/v1/webhook-endpoints").header("Idempotency-Key", "walk-endpoint")
                .bodyValue(Map.of("url", receiver.url("/store", 200), "event_types", List.of("*"), "description", "the store"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String secret = (String) endpoint.get("secret");
        OffsetDateTime listening = OffsetDateTime.parse((String) ((Map<?, ?>) endpoint.get("endpoint")).get("created_at"));
        WebTestClient supervisor = as(login("B1001"));
        WebTestClient jonas = as(login("B1002"));

        // The store's order (the README's): allocated at Vilnius
        Map<?, ?> order = as(STORE).post().uri("/api/v1/orders").header("Idempotency-Key", "web-100232").bodyValue(Map.of(
                        "customer", Map.of("name", "Tomas", "address", Map.of("line", "Pilies g. 1", "city", "Vilnius", "postal_code", "01123",
                                "country", "LT")),
                        "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 2), Map.of("sku", "HOOD-M-CHARCOAL", "quantity", 1)),
                        "service_level", "express"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String orderId = (String) order.get("id");
        assertThat(order.get("status")).isEqualTo("allocated");

        // The wave: planned, released, picked into a tote
        String waveId = (String) supervisor.post().uri("/api/v1/waves").bodyValue(Map.of("cart", Map.of("totes", 4), "time_limit_seconds", 2))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody().get("id");
        Map<?, ?> wave = Eventually.until(() -> supervisor.get().uri("/api/v1/waves/{id}", waveId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody(), read -> !"planning".equals(read.get("status")));
        assertThat(wave.get("status")).as("wave failure %s", wave.get("failure")).isEqualTo("planned");
        supervisor.post().uri("/api/v1/waves/{id}/release", waveId).exchange().expectStatus().isOk();
        Map<?, ?> batch = jonas.get().uri("/api/v1/pick-tasks/next").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        int tote = 0;
        for (Map<?, ?> task : maps(batch.get("tasks"))) {
            tote = (Integer) task.get("tote");
            jonas.post().uri("/api/v1/pick-tasks/{id}/confirm", task.get("id")).header("Idempotency-Key", "pick-" + task.get("id"))
                    .bodyValue(Map.of("location_code", task.get("location_code"), "sku", task.get("sku"), "quantity", task.get("quantity"),
                            "tote", tote))
                    .exchange().expectStatus().isOk();
        }
        assertThat(orderStatus(orderId)).isEqualTo("picked");

        // Packing at PACK-1: the tote is scanned, one wrong item is refused, the rest goes into one carton
        Map<?, ?> session = jonas.post().uri("/api/v1/pack-sessions").bodyValue(Map.of("station_code", "PACK-1", "batch_id", batch.get("id"),
                        "tote", tote))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> toPack = maps(session.get("orders")).get(0);
        assertThat(toPack.get("order_id")).isEqualTo(orderId);
        assertThat(maps(toPack.get("lines"))).extracting(line -> line.get("alt_text")).allSatisfy(alt -> assertThat((String) alt).isNotBlank());
        Map<?, ?> carton = jonas.post().uri("/api/v1/pack-sessions/{id}/cartons", session.get("id")).bodyValue(Map.of("order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String cartonId = (String) carton.get("id");
        jonas.post().uri("/api/v1/cartons/{id}/units", cartonId).header("Idempotency-Key", "pack-wrong").bodyValue(Map.of("gtin", TEE_L_NAVY_GTIN))
                .exchange().expectStatus().is4xxClientError()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/item-not-in-order");
        packUnit(jonas, cartonId, "pack-1", Map.of("gtin", TEE_M_NAVY_GTIN));
        packUnit(jonas, cartonId, "pack-2", Map.of("gtin", TEE_M_NAVY_GTIN));
        packUnit(jonas, cartonId, "pack-3", Map.of("sku", "HOOD-M-CHARCOAL"));

        // The carton's box: the cheapest that fits, as the pack station suggests; weighed within tolerance, it closes
        Map<?, ?> screen = jonas.get().uri("/api/v1/pack-sessions/{id}", session.get("id")).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> suggested = maps(maps(screen.get("orders")).get(0).get("suggested_boxes")).get(0);
        assertThat(suggested.get("box_type_code")).isNotNull();
        Map<?, ?> closedCarton = jonas.post().uri("/api/v1/cartons/{id}/close", cartonId).bodyValue(Map.of("box_type_code", suggested.get("box_type_code"),
                        "weight_grams", suggested.get("expected_weight_grams")))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Map<?, ?>) closedCarton.get("carton")).get("status")).isEqualTo("closed");
        assertThat(closedCarton.get("box_overridden")).isEqualTo(false);
        assertThat(orderStatus(orderId)).isEqualTo("packed");

        // The label, bought right after the close: the PNG carries the carton's SSCC as GS1-128, AI 00
        Map<?, ?> shipment = Eventually.until(() -> jonas.get().uri("/api/v1/cartons/{id}/shipment", cartonId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody(), read -> !"label_pending".equals(read.get("status")));
        assertThat(shipment.get("status")).as("label failure %s", shipment.get("failure_reason")).isEqualTo("labelled");
        String sscc = (String) shipment.get("sscc");
        byte[] png = jonas.get().uri("/api/v1/cartons/{id}/label?format=png", cartonId).exchange().expectStatus().isOk()
                .expectHeader().contentType("image/png").expectBody(byte[].class).returnResult().getResponseBody();
        List<DecodedBarcode> decoded = BarcodeDecoder.decodeAll(png);
        assertThat(decoded).filteredOn(barcode -> barcode.symbology() == Symbology.GS1_128).extracting(DecodedBarcode::text).contains("(00)" + sscc);

        // The dock: the carrier's load, the carton scanned from its label, the manifest closes the load and ships it
        Map<?, ?> load = supervisor.post().uri("/api/v1/loads").bodyValue(Map.of("carrier", shipment.get("carrier"), "dock_code", "DOCK-1"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(maps(load.get("not_loaded"))).extracting(waiting -> (String) waiting.get("sscc")).containsExactly(sscc);
        supervisor.post().uri("/api/v1/loads/{id}/cartons", load.get("id")).header("Idempotency-Key", "dock-1")
                .bodyValue(Map.of("sscc", "]C100" + sscc)).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.carton.tracking_number").isEqualTo(shipment.get("tracking_number")).jsonPath("$.parcels").isEqualTo(1);
        Map<?, ?> closed = supervisor.post().uri("/api/v1/loads/{id}/close", load.get("id")).header("Idempotency-Key", "dock-close")
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(closed.get("status")).isEqualTo("closed");
        String csv = supervisor.get().uri("/api/v1/loads/{id}/manifest.csv", load.get("id")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.split("\r\n")[1]).contains(sscc + "," + shipment.get("tracking_number") + "," + shipment.get("weight_grams"));
        byte[] pdf = supervisor.get().uri("/api/v1/loads/{id}/manifest.pdf", load.get("id")).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument manifest = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(manifest)).contains((String) closed.get("manifest_number"), sscc, "Parcels: 1");
        }
        assertThat(orderStatus(orderId)).isEqualTo("shipped");
        as(STORE).get().uri("/api/v1/shipments/{id}", shipment.get("id")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("shipped");

        // The store heard every step, each request signed with its endpoint's secret
        Set<String> expected = Set.of("order.accepted", "order.allocated", "order.status_changed", "order.packed", "shipment.created",
                "shipment.shipped");
        List<Map<?, ?>> written = eventsSince(listening);
        assertThat(written).extracting(event -> (String) event.get("type")).containsAll(expected);
        Set<String> writtenIds = new HashSet<>();
        written.forEach(event -> writtenIds.add((String) event.get("event_id")));
        List<WebhookReceiver.Received> received = receiver.await("/store", PATIENCE,
                got -> got.stream().map(request -> request.header("webhook-id")).toList().containsAll(writtenIds));
        for (WebhookReceiver.Received request : received) {
            assertThat(StandardWebhooksVerifier.verifies(secret, request)).as("signature of %s", request.text()).isTrue();
        }
        JsonNode shipped = received.stream().map(request -> json.readTree(request.body()))
                .filter(body -> "shipment.shipped".equals(body.get("type").asString())).findFirst().orElseThrow().get("data");
        assertThat(shipped.get("sscc").asString()).isEqualTo(sscc);
        assertThat(shipped.get("tracking_number").asString()).isEqualTo(shipment.get("tracking_number"));
        assertThat(shipped.get("carrier").asString()).isEqualTo(shipment.get("carrier"));
        assertThat(shipped.get("tracking_url").asString()).matches("http://.+/track/[A-Za-z0-9_-]{43}");
        assertBooksAgree(demoMerchantId());
    }

    private String login(String badge) {
        return (String) web.post().uri("/api/v1/auth/worker-sessions").bodyValue(Map.of("badge_code", badge, "pin", "1234"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("token");
    }

    private String orderStatus(String orderId) {
        return (String) as(STORE).get().uri("/api/v1/orders/{id}", orderId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("status");
    }

    private String demoMerchantId() {
        return (String) as(STORE).get().uri("/api/v1/merchant").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private static void packUnit(WebTestClient packer, String cartonId, String key, Map<String, Object> scan) {
        packer.post().uri("/api/v1/cartons/{id}/units", cartonId).header("Idempotency-Key", key).bodyValue(scan)
                .exchange().expectStatus().isOk();
    }

    /** The merchant's events written after the moment, oldest first (the log pages newest first). */
    private List<Map<?, ?>> eventsSince(OffsetDateTime since) {
        List<Map<?, ?>> events = new ArrayList<>();
        String after = null;
        while (true) {
            String uri = "/api/v1/events?limit=200" + (after == null ? "" : "&after=" + after);
            Map<?, ?> page = as(STORE).get().uri(uri).exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            for (Map<?, ?> event : maps(page.get("items"))) {
                if (OffsetDateTime.parse((String) event.get("created_at")).isBefore(since)) {
                    Collections.reverse(events);
                    return events;
                }
                events.add(event);
            }
            after = (String) page.get("next_cursor");
            if (after == null) {
                Collections.reverse(events);
                return events;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> maps(Object list) {
        return (List<Map<?, ?>>) list;
    }
}
