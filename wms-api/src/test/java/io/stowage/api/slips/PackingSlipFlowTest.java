package io.stowage.api.slips;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.packing.PackingFloor;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An order picked and packed into two cartons through the packing routes: each carton closes with
 * its packing slip in the customer's language and the inserts the merchant's rules chose, taken
 * from stock through the ledger; an insert out of stock lets the parcel go without it.
 */
@SuppressWarnings("unchecked")
class PackingSlipFlowTest extends ApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Test
    void eachCartonClosesWithItsSlipAndItsInsertsTakenThroughTheLedger() throws IOException {
        PackingFloor floor = floorWithInsertRules();
        WebTestClient merchant = floor.world.merchant(this);
        receive(floor, "TEE-S-SAND", 4);
        rule(merchant, Map.of("kind", "nth_order", "sku", "TEE-S-SAND", "nth_order", 2));
        rule(merchant, Map.of("kind", "channel", "sku", "LEAFLET-WEB", "channel", "instagram"));
        String orderId = order(merchant, "Ieva Jankauskaitė", "ieva." + UUID.randomUUID() + "@example.com", "lt", "Su gimtadieniu, Ieva!");

        String[] cartons = packInTwo(floor, orderId);

        Map<String, Object> first = slip(merchant, cartons[0]);
        assertThat(first).containsEntry("order_number", orderId).containsEntry("carton_number", 1).containsEntry("carton_count", 2)
                .containsEntry("customer_name", "Ieva Jankauskaitė").containsEntry("language", "lt")
                .containsEntry("gift_message", "Su gimtadieniu, Ieva!").containsEntry("packer_name", floor.packerName)
                .containsEntry("merchant_name", merchantName(merchant));
        assertThat((List<Map<String, Object>>) first.get("lines")).singleElement().satisfies(line -> assertThat(line)
                .containsEntry("sku", "TEE-M-NAVY").containsEntry("name", "Linen tee M Navy").containsEntry("size", "M")
                .containsEntry("colour", "Navy").containsEntry("quantity", 2));
        assertThat((List<Map<String, Object>>) first.get("inserts")).extracting(insert -> insert.get("sku") + "/" + insert.get("status"))
                .containsExactly("SAMPLE-CREAM/taken", "LEAFLET-WEB/taken");
        Map<String, Object> second = slip(merchant, cartons[1]);
        assertThat(second).containsEntry("carton_number", 2).containsEntry("carton_count", 2);
        assertThat((List<Map<String, Object>>) second.get("inserts")).as("the sample once per order, the leaflet in every carton")
                .extracting(insert -> insert.get("sku") + "/" + insert.get("status")).containsExactly("LEAFLET-WEB/taken");

        try (PDDocument pdf = Loader.loadPDF(pdf(floor.packer(), cartons[0], "a4"))) {
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Pakavimo lapas", "Užsakymas: " + orderId, "Siunta 1 iš 2", "Gavėjas: Ieva Jankauskaitė",
                    "Linen tee M Navy", "Su gimtadieniu, Ieva!", "1 × Hand cream sample", "1 × Leaflet web",
                    "Dėkojame už jūsų užsakymą, Ieva Jankauskaitė!", "Su rūpesčiu supakavo " + floor.packerName);
        }
        try (PDDocument pdf = Loader.loadPDF(pdf(merchant, cartons[1], null))) {
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A5.getWidth());
            assertThat(new PDFTextStripper().getText(pdf)).contains("Siunta 2 iš 2").doesNotContain("Hand cream sample");
        }

        List<Map<String, Object>> sampleMoves = movements(merchant, "SAMPLE-CREAM", "packing_insert");
        assertThat(sampleMoves).singleElement().satisfies(move -> assertThat(move).containsEntry("quantity", 1)
                .containsEntry("from_location_code", "DOCK-1").containsEntry("reference_type", "carton")
                .containsEntry("reference_id", cartons[0]).containsEntry("actor", CartonSlips.ACTOR));
        assertThat(movements(merchant, "LEAFLET-WEB", "packing_insert")).extracting(move -> move.get("reference_id"))
                .containsExactlyInAnyOrder(cartons[0], cartons[1]);
        assertThat(movements(merchant, "TEE-S-SAND", "packing_insert")).as("a first order is no second order").isEmpty();
        assertThat(onHand(merchant, "SAMPLE-CREAM")).isEqualTo(4);
        assertThat(onHand(merchant, "LEAFLET-WEB")).isEqualTo(8);
        assertBooksAgree(floor.world.merchantId);

        // Only the carton's node and merchant see the slip; a bad paper size is refused.
        as(newMerchant("Slip stranger " + UUID.randomUUID())).get().uri("/api/v1/cartons/{id}/packing-slip", cartons[0]).exchange()
                .expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        merchant.get().uri("/api/v1/cartons/{id}/packing-slip.pdf?size=letter", cartons[0]).exchange()
                .expectStatus().isEqualTo(422).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        merchant.get().uri("/api/v1/cartons/{id}/packing-slip.pdf", UUID.randomUUID()).exchange().expectStatus().isNotFound();
    }

    @Test
    void anInsertOutOfStockLetsTheParcelGoAndTheNextCartonOfTheOrderGetsItWhenStockCame() throws IOException {
        PackingFloor floor = PackingFloor.create(this);
        WebTestClient merchant = floor.world.merchant(this);
        inserts(merchant);
        floor.stock("TEE-M-NAVY", "P-03-01-A", 3);
        floor.stock("TEE-L-NAVY", "P-03-02-A", 2);
        rule(merchant, Map.of("kind", "first_order", "sku", "SAMPLE-CREAM"));
        String orderId = order(merchant, "Оксана Коваленко", "oksana." + UUID.randomUUID() + "@example.com", "uk", null);
        Map<?, ?> batch = floor.pickEverything();
        String sessionId = session(floor, batch, orderId);

        String first = carton(floor, sessionId, orderId, "TEE-M-NAVY", 2);
        close(floor, first, 2).expectStatus().isOk().expectBody().jsonPath("$.carton.status").isEqualTo("closed");
        assertThat((List<Map<String, Object>>) slip(merchant, first).get("inserts")).singleElement()
                .satisfies(insert -> assertThat(insert).containsEntry("sku", "SAMPLE-CREAM").containsEntry("status", "out_of_stock"));
        try (PDDocument pdf = Loader.loadPDF(pdf(floor.packer(), first, null))) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Посилка 1", "Дякуємо за ваше замовлення, Оксана Коваленко!")
                    .doesNotContain("Hand cream sample").doesNotContain("Посилка 1 з");
        }
        assertThat(movements(merchant, "SAMPLE-CREAM", "packing_insert")).isEmpty();

        receive(floor, "SAMPLE-CREAM", 1);
        String second = carton(floor, sessionId, orderId, "TEE-L-NAVY", 1);
        close(floor, second, 1).expectStatus().isOk().expectBody().jsonPath("$.carton.status").isEqualTo("closed");
        assertThat((List<Map<String, Object>>) slip(merchant, second).get("inserts")).singleElement()
                .satisfies(insert -> assertThat(insert).containsEntry("sku", "SAMPLE-CREAM").containsEntry("status", "taken"));
        assertThat(movements(merchant, "SAMPLE-CREAM", "packing_insert")).extracting(move -> move.get("reference_id")).containsExactly(second);
        assertThat(onHand(merchant, "SAMPLE-CREAM")).isZero();
        assertBooksAgree(floor.world.merchantId);
    }

    @Test
    void aCancelledOrdersClosedCartonGivesItsInsertsBackToTheBooksAndItsPutBackAsksForThem() {
        PackingFloor floor = floorWithInsertRules();
        WebTestClient merchant = floor.world.merchant(this);
        String orderId = order(merchant, "Laura Bērziņa", "laura." + UUID.randomUUID() + "@example.com", "lv", null);
        Map<?, ?> batch = floor.pickEverything();
        String cartonId = carton(floor, session(floor, batch, orderId), orderId, "TEE-M-NAVY", 2);
        close(floor, cartonId, 2).expectStatus().isOk();
        assertThat(onHand(merchant, "SAMPLE-CREAM")).as("the sample left the books with the carton").isEqualTo(4);

        merchant.post().uri("/api/v1/orders/{id}/cancel", orderId).exchange().expectStatus().isOk();

        List<Map<?, ?>> tasks = Eventually.until(() -> PackingFloor.maps(floor.picker().get().uri("/api/v1/put-back-tasks?status=open&limit=100")
                        .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items")).stream()
                .filter(task -> orderId.equals(task.get("order_id"))).toList(), found -> !found.isEmpty());
        assertThat(tasks).as("the picked tees and the inserts of the unpacked carton go back, each where it was taken from")
                .extracting(task -> task.get("sku") + " " + task.get("from_location_code") + "->" + task.get("to_location_code") + " x" + task.get("quantity"))
                .containsExactlyInAnyOrder("TEE-M-NAVY PACK-1->P-03-01-A x2", "TEE-L-NAVY PACK-1->P-03-02-A x1",
                        "SAMPLE-CREAM PACK-1->DOCK-1 x1", "LEAFLET-WEB PACK-1->DOCK-1 x1");
        assertThat(movements(merchant, "SAMPLE-CREAM", "insert_unpacked")).singleElement().satisfies(move -> assertThat(move)
                .containsEntry("quantity", 1).containsEntry("to_location_code", PackingFloor.STATION)
                .containsEntry("reference_type", "carton").containsEntry("reference_id", cartonId));
        assertThat(onHand(merchant, "SAMPLE-CREAM")).as("back on the books, at the pack station").isEqualTo(5);
        assertBooksAgree(floor.world.merchantId);

        Map<?, ?> sample = tasks.stream().filter(task -> "SAMPLE-CREAM".equals(task.get("sku"))).findFirst().orElseThrow();
        floor.picker().post().uri("/api/v1/put-back-tasks/{id}/confirm", sample.get("id")).header("Idempotency-Key", "pb-" + sample.get("id"))
                .bodyValue(Map.of("from_location_code", PackingFloor.STATION, "sku", "SAMPLE-CREAM", "to_location_code", "DOCK-1", "quantity", 1))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.units_written_off").isEqualTo(0);
        assertThat(onHand(merchant, "SAMPLE-CREAM")).isEqualTo(5);
        assertBooksAgree(floor.world.merchantId);
    }

    /** The merchant's insert products: a hand cream sample and a leaflet, untracked and without size or colour. */
    /** A floor with navy tees on the shelves, a cream sample and a web leaflet in stock, and the merchant's two insert rules. */
    private PackingFloor floorWithInsertRules() {
        PackingFloor floor = PackingFloor.create(this);
        WebTestClient merchant = floor.world.merchant(this);
        inserts(merchant);
        floor.stock("TEE-M-NAVY", "P-03-01-A", 3);
        floor.stock("TEE-L-NAVY", "P-03-02-A", 2);
        receive(floor, "SAMPLE-CREAM", 5);
        receive(floor, "LEAFLET-WEB", 10);
        rule(merchant, Map.of("kind", "first_order", "sku", "SAMPLE-CREAM"));
        rule(merchant, Map.of("kind", "channel", "sku", "LEAFLET-WEB", "channel", "web", "once_per", "carton"));
        return floor;
    }

    private static void inserts(WebTestClient merchant) {
        merchant.put().uri("/api/v1/products/{code}", "INSERTS").bodyValue(Map.of("name", "Inserts", "variants", List.of(
                        Map.of("sku", "SAMPLE-CREAM", "name", "Hand cream sample", "weight_g", 15, "length_mm", 50, "width_mm", 30, "height_mm", 10),
                        Map.of("sku", "LEAFLET-WEB", "name", "Leaflet web", "weight_g", 5, "length_mm", 148, "width_mm", 105, "height_mm", 1))))
                .exchange().expectStatus().is2xxSuccessful();
    }

    private void receive(PackingFloor floor, String sku, int quantity) {
        floor.world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", "insert-" + UUID.randomUUID())
                .bodyValue(Map.of("merchant_id", floor.world.merchantId, "sku", sku, "quantity", quantity, "location_code", "DOCK-1"))
                .exchange().expectStatus().isCreated();
    }

    private static void rule(WebTestClient merchant, Map<String, Object> rule) {
        merchant.post().uri("/api/v1/insert-rules").bodyValue(rule).exchange().expectStatus().isCreated();
    }

    private static String order(WebTestClient merchant, String name, String email, String language, String giftMessage) {
        Map<String, Object> customer = Map.of("name", name, "email", email, "language", language, "address",
                Map.of("line", "Gedimino pr. 1", "city", "Vilnius", "postal_code", "01103", "country", "LT", "latitude", 54.6872, "longitude", 25.2797));
        Map<String, Object> body = new java.util.HashMap<>(Map.of("customer", customer, "channel", "web",
                "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 2), Map.of("sku", "TEE-L-NAVY", "quantity", 1))));
        if (giftMessage != null) {
            body.put("gift_message", giftMessage);
        }
        Map<String, Object> order = merchant.post().uri("/api/v1/orders").header("Idempotency-Key", "order-" + UUID.randomUUID()).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        assertThat(order.get("status")).isEqualTo("allocated");
        return (String) order.get("id");
    }

    /** Picks the order and packs its navy M tees into parcel 1 and its navy L into parcel 2; returns the two cartons' ids. */
    private String[] packInTwo(PackingFloor floor, String orderId) {
        Map<?, ?> batch = floor.pickEverything();
        String sessionId = session(floor, batch, orderId);
        String first = carton(floor, sessionId, orderId, "TEE-M-NAVY", 2);
        close(floor, first, 2).expectStatus().isOk().expectBody().jsonPath("$.order_status").isEqualTo("picked");
        assertThat(slip(floor.world.merchant(this), first)).as("the count is not known before the order is packed")
                .containsEntry("carton_number", 1).doesNotContainKey("carton_count");
        String second = carton(floor, sessionId, orderId, "TEE-L-NAVY", 1);
        close(floor, second, 1).expectStatus().isOk().expectBody().jsonPath("$.order_status").isEqualTo("packed");
        return new String[] {first, second};
    }

    private static String session(PackingFloor floor, Map<?, ?> batch, String orderId) {
        Map<?, ?> session = floor.packer().post().uri("/api/v1/pack-sessions")
                .bodyValue(Map.of("station_code", PackingFloor.STATION, "batch_id", batch.get("id"), "tote", PackingFloor.toteOf(batch, orderId)))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return (String) session.get("id");
    }

    private static String carton(PackingFloor floor, String sessionId, String orderId, String sku, int quantity) {
        Map<?, ?> carton = floor.packer().post().uri("/api/v1/pack-sessions/{id}/cartons", sessionId).bodyValue(Map.of("order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        floor.packer().post().uri("/api/v1/cartons/{id}/units", carton.get("id")).header("Idempotency-Key", "scan-" + UUID.randomUUID())
                .bodyValue(Map.of("sku", sku, "quantity", quantity)).exchange().expectStatus().isOk();
        return (String) carton.get("id");
    }

    /** Closes the carton in the tees' own size, weighed at what its tees weigh in the catalog (180 g each), so it needs no re-check. */
    private static WebTestClient.ResponseSpec close(PackingFloor floor, String cartonId, int tees) {
        return floor.packer().post().uri("/api/v1/cartons/{id}/close", cartonId)
                .bodyValue(Map.of("length_mm", 300, "width_mm", 250, "height_mm", 60, "weight_grams", 180 * tees)).exchange();
    }

    private static Map<String, Object> slip(WebTestClient client, String cartonId) {
        return client.get().uri("/api/v1/cartons/{id}/packing-slip", cartonId).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
    }

    private static byte[] pdf(WebTestClient client, String cartonId, String size) {
        return client.get().uri(size == null ? "/api/v1/cartons/" + cartonId + "/packing-slip.pdf" : "/api/v1/cartons/" + cartonId
                        + "/packing-slip.pdf?size=" + size)
                .exchange().expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private static List<Map<String, Object>> movements(WebTestClient merchant, String sku, String kind) {
        Map<String, Object> page = merchant.get().uri("/api/v1/stock/movements?sku={sku}&limit=500", sku).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().filter(move -> kind.equals(move.get("kind"))).toList();
    }

    private static int onHand(WebTestClient merchant, String sku) {
        List<Map<String, Object>> balances = merchant.get().uri("/api/v1/stock/balances?sku={sku}", sku).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
        return balances.stream().mapToInt(balance -> (Integer) balance.get("on_hand")).sum();
    }

    private static String merchantName(WebTestClient merchant) {
        return (String) merchant.get().uri("/api/v1/merchant").exchange().expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody()
                .get("name");
    }
}
