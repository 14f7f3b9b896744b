package io.stowage.api.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.SmtpServer;
import io.stowage.api.support.Eventually;
import io.stowage.api.support.WavePicking;
import io.stowage.barcodes.decode.BarcodeDecoder;
import io.stowage.barcodes.decode.DecodedBarcode;
import io.stowage.barcodes.render.Symbology;
import io.stowage.api.support.FastDeliveryTest;
import io.stowage.api.support.World;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Returns end to end over HTTP and a real PostgreSQL: an order of two tees is picked, packed,
 * labelled with the sandbox carrier and shipped; the merchant's policy refuses what it should with
 * nothing written; the customer returns one tee and exchanges the other for another size, whose
 * order is reserved at once; the returns station scans the RMA, photographs the parcel and grades
 * the units, and the restocked tee reaches the shopper waiting for it by email (a real SMTP server).
 */
class ReturnsTest extends FastDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension
    static final SmtpServer smtp = new SmtpServer();

    @Autowired
    ReturnedItems returnedItems;

    @Test
    void aReturnAndAnExchangeAreCheckedReceivedGradedAndTheRestockReachesTheWaitingShopper() throws Exception {
        Instant start = Instant.now();
        World world = World.create(this);
        WebTestClient merchant = world.merchant(this);
        String packer = worker(world, "K", List.of("picker", "packer"));
        admin().post().uri("/api/v1/nodes/{code}/locations", world.node)
                .bodyValue(Map.of("locations", List.of(Map.of("code", "PACK-1", "type", "pack_station", "x_mm", 1000, "y_mm", -2000))))
                .exchange().expectStatus().isCreated();
        stock(world, "TEE-M-NAVY", 1, "A-01-01-A");
        stock(world, "TEE-S-SAND", 1, "A-01-01-A");
        stock(world, "TEE-L-NAVY", 1, "A-01-02-A");

        // The merchant ships with the sandbox carrier only, whose return labels come with a drop-off QR code
        merchant.post().uri("/api/v1/carrier-accounts").bodyValue(Map.of("carrier", "sandbox")).exchange().expectStatus().isCreated();
        String orderId = order(merchant, Map.of("TEE-M-NAVY", 1, "TEE-S-SAND", 1), "allocated");
        ship(world, packer, orderId);

        merchant.put().uri("/api/v1/notification-settings").bodyValue(Map.of(
                        "smtp_host", "127.0.0.1", "smtp_port", smtp.getSmtp().getPort(), "from_address", "shop@example.com", "starttls", false))
                .exchange().expectStatus().isOk();
        String shopper = unique("waiting").toLowerCase() + "@example.com";
        merchant.post().uri("/api/v1/back-in-stock-subscriptions").bodyValue(Map.of("sku", "TEE-M-NAVY", "email", shopper))
                .exchange().expectStatus().is2xxSuccessful();

        // No policy yet: nothing says what may come back
        Map<String, Object> refundAndExchange = Map.of("order_id", orderId, "items", List.of(
                Map.of("sku", "TEE-M-NAVY", "quantity", 1, "reason", "changed_mind"),
                Map.of("sku", "TEE-S-SAND", "quantity", 1, "reason", "wrong_size", "exchange_sku", "TEE-L-NAVY")));
        refused(open(merchant, "no-policy", refundAndExchange), 409, "no-return-policy");

        // A window of 0 days closed when the parcel left
        policy(merchant, 0);
        refused(open(merchant, "late", refundAndExchange), 409, "return-window-closed");
        policy(merchant, 30);

        // An order that never shipped, an item not in the order, a reason not in the policy, an exchange for another product's SKU
        String unshipped = order(merchant, Map.of("TEE-S-SAND", 1), "backordered");
        refused(open(merchant, "unshipped", Map.of("order_id", unshipped, "items", List.of(
                Map.of("sku", "TEE-S-SAND", "quantity", 1, "reason", "changed_mind")))), 409, "order-not-shipped");
        refused(open(merchant, "not-in-order", Map.of("order_id", orderId, "items", List.of(
                Map.of("sku", "TEE-L-NAVY", "quantity", 1, "reason", "changed_mind")))), 422, "item-not-in-order");
        refused(open(merchant, "too-many", Map.of("order_id", orderId, "items", List.of(
                Map.of("sku", "TEE-M-NAVY", "quantity", 2, "reason", "changed_mind")))), 409, "more-than-shipped");
        refused(open(merchant, "bad-reason", Map.of("order_id", orderId, "items", List.of(
                Map.of("sku", "TEE-M-NAVY", "quantity", 1, "reason", "bored")))), 422, "invalid-request");
        // Another merchant cannot open a return of this order: it is not found for them
        World other = World.create(this);
        policy(other.merchant(this), 30);
        refused(open(other.merchant(this), "someone-elses", refundAndExchange), 404, "not-found");
        merchant.get().uri("/api/v1/events?type=return.requested").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        merchant.get().uri("/api/v1/orders/{id}", orderId).exchange().expectBody().jsonPath("$.status").isEqualTo("shipped");

        // The customer returns one tee for a refund and exchanges the other for size L: its order is reserved at once
        Map<?, ?> opened = open(merchant, "return-1", refundAndExchange).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String returnId = (String) opened.get("id");
        String rma = (String) opened.get("rma");
        assertThat(rma).matches("RMA-[A-Z0-9]{10}");
        assertThat(opened.get("status")).isEqualTo("requested");
        assertThat(maps(opened.get("lines"))).extracting(l -> l.get("sku") + ":" + l.get("resolution"))
                .containsExactly("TEE-M-NAVY:refund", "TEE-S-SAND:exchange");
        // A return label from the order's carrier, to print (PDF, PNG, ZPL) or, label-free, a QR code to show at drop-off
        Map<?, ?> label = (Map<?, ?>) opened.get("label");
        assertThat(label.get("carrier")).isEqualTo("sandbox");
        String returnTracking = (String) label.get("tracking_number");
        assertThat(returnTracking).startsWith("SBR");
        assertThat(opened.get("label_paid_by")).isEqualTo("merchant");
        byte[] labelPdf = merchant.get().uri((String) label.get("pdf_url")).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF).expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(labelPdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        byte[] labelPng = merchant.get().uri((String) label.get("png_url")).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG).expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(BarcodeDecoder.decodeAll(labelPng)).contains(new DecodedBarcode(Symbology.CODE_128, returnTracking),
                new DecodedBarcode(Symbology.CODE_128, rma));
        merchant.get().uri((String) label.get("zpl_url")).exchange().expectStatus().isOk()
                .expectBody(String.class).value(zpl -> assertThat(zpl).startsWith("^XA").contains(rma));
        byte[] qr = merchant.get().uri((String) label.get("drop_off_qr_url")).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG).expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(BarcodeDecoder.decodeAll(qr)).containsExactly(new DecodedBarcode(Symbology.QR_CODE, (String) label.get("drop_off_code")));
        refused(merchant.get().uri("/api/v1/returns/{id}/label?format=gif", returnId).exchange(), 422, "invalid-request");
        // The sandbox's page of the return waits for the drop-off; the parcel shop's scan starts the parcel's way back
        String returnPage = "/sandbox-carrier/parcels/" + returnTracking;
        web.get().uri(returnPage).exchange().expectStatus().isOk().expectBody().jsonPath("$.awaiting_drop_off").isEqualTo(true)
                .jsonPath("$.scans.length()").isEqualTo(0);
        web.post().uri(returnPage + "/drop-off").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.awaiting_drop_off").isEqualTo(false)
                .jsonPath("$.scans[0].code").isEqualTo("DROPPED_OFF").jsonPath("$.scans[0].status").isEqualTo("in_transit");
        web.post().uri(returnPage + "/drop-off").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.scans.length()").isEqualTo(1);
        String exchangeOrder = (String) opened.get("exchange_order_id");
        merchant.get().uri("/api/v1/orders/{id}", exchangeOrder).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("allocated").jsonPath("$.lines[0].sku").isEqualTo("TEE-L-NAVY")
                .jsonPath("$.customer.address.city").isEqualTo("Vilnius");
        // A replay answers the same return; the same units cannot be returned twice
        open(merchant, "return-1", refundAndExchange).expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.id").isEqualTo(returnId);
        refused(open(merchant, "return-2", Map.of("order_id", orderId, "items", List.of(
                Map.of("sku", "TEE-M-NAVY", "quantity", 1, "reason", "changed_mind")))), 409, "already-returned");
        // Another merchant does not see it, nor its label
        other.merchant(this).get().uri("/api/v1/returns/{id}", returnId).exchange().expectStatus().isNotFound();
        other.merchant(this).get().uri((String) label.get("pdf_url")).exchange().expectStatus().isNotFound();
        other.merchant(this).get().uri((String) label.get("drop_off_qr_url")).exchange().expectStatus().isNotFound();

        // The returns station scans the RMA, photographs the parcel, and refuses what is no photo
        WebTestClient station = as(worker(world, "R", List.of("returns")));
        station.get().uri("/api/v1/return-station/returns/{code}", rma.toLowerCase()).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(returnId);
        // or the return label's barcode
        station.get().uri("/api/v1/return-station/returns/{code}", returnTracking).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(returnId).jsonPath("$.label.tracking_number").isEqualTo(returnTracking);
        as(worker(other, "R", List.of("returns"))).get().uri("/api/v1/return-station/returns/{code}", rma).exchange().expectStatus().isNotFound();
        byte[] png = png();
        Map<?, ?> photo = station.post().uri("/api/v1/returns/{id}/photos", returnId).contentType(MediaType.IMAGE_PNG).bodyValue(png)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        refusedPhoto(station, returnId, "not a picture at all".getBytes(), 415, "not-an-image");
        byte[] fakePng = Arrays.copyOf(png, 64);
        refusedPhoto(station, returnId, fakePng, 415, "not-an-image");
        byte[] huge = Arrays.copyOf(png, 6 * 1024 * 1024);
        refusedPhoto(station, returnId, huge, 413, "request-too-large");

        // An item not in the return changes nothing
        refused(station.post().uri("/api/v1/returns/{id}/receipt", returnId).header("Idempotency-Key", "receipt-bad")
                .bodyValue(Map.of("location_code", "A-01-01-A", "items", List.of(
                        Map.of("item", "TEE-M-NAVY", "quantity", 1, "grade", "restock"),
                        Map.of("item", "TEE-L-NAVY", "quantity", 1, "grade", "restock")))).exchange(), 422, "item-not-in-return");
        merchant.get().uri("/api/v1/returns/{id}", returnId).exchange().expectBody().jsonPath("$.status").isEqualTo("requested")
                .jsonPath("$.grades.length()").isEqualTo(0);

        // The tee is restocked (scanned by SKU), the sand tee quarantined (scanned by its GTIN)
        Map<?, ?> received = station.post().uri("/api/v1/returns/{id}/receipt", returnId).header("Idempotency-Key", "receipt-1")
                .bodyValue(Map.of("location_code", "A-01-01-A", "items", List.of(
                        Map.of("item", "TEE-M-NAVY", "quantity", 1, "grade", "restock"),
                        Map.of("item", World.GTINS.get(2), "quantity", 1, "grade", "quarantine", "location_code", "A-02-09-A"))))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(received.get("status")).isEqualTo("received");
        assertThat(maps(received.get("grades"))).extracting(g -> g.get("sku") + ":" + g.get("grade") + "@" + g.get("location_code"))
                .containsExactly("TEE-M-NAVY:restock@A-01-01-A", "TEE-S-SAND:quarantine@A-02-09-A");
        refused(station.post().uri("/api/v1/returns/{id}/receipt", returnId).header("Idempotency-Key", "receipt-2")
                .bodyValue(Map.of("location_code", "A-01-01-A", "items", List.of(Map.of("item", "TEE-M-NAVY", "quantity", 1, "grade", "restock"))))
                .exchange(), 409, "return-already-received");
        assertThat(balances(merchant, "TEE-M-NAVY")).contains("A-01-01-A available 1");
        assertThat(balances(merchant, "TEE-S-SAND")).contains("A-02-09-A quarantine 1");
        // The warehouse's receipt is the carrier's delivery: the sandbox's page of the return says delivered
        Map<?, ?> returned = Eventually.until(() -> web.get().uri(returnPage).exchange().expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody(), page -> "DELIVERED".equals(maps(page.get("scans")).get(0).get("code")));
        assertThat(maps(returned.get("scans"))).extracting(scan -> (Object) scan.get("status")).startsWith("delivered").endsWith("in_transit");
        assertThat(returned.get("estimated_delivery")).isNull();

        // The restock reaches the shopper who waited
        Eventually.await(PATIENCE, () -> mailTo(shopper).size() == 1);
        assertThat(mailTo(shopper).get(0).getSubject()).isEqualTo("Linen tee M Navy is back in stock");

        // The merchant hears of it with the grades and reads the photo by its URL; no one else can
        Map<?, ?> event = maps(merchant.get().uri("/api/v1/events?type=return.received").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items")).get(0);
        Map<?, ?> data = (Map<?, ?>) event.get("data");
        assertThat(data.get("rma")).isEqualTo(rma);
        assertThat(data.get("label")).isEqualTo(Map.of("carrier", "sandbox", "tracking_number", returnTracking));
        assertThat(data.get("photos")).isEqualTo(List.of(photo.get("url")));
        byte[] read = merchant.get().uri((String) photo.get("url")).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG).expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(read).isEqualTo(png);
        other.merchant(this).get().uri((String) photo.get("url")).exchange().expectStatus().isNotFound();

        // Billing's view: what came back, graded
        List<ReturnedItems.ReturnedItem> items = returnedItems.receivedBetween(UUID.fromString(world.merchantId), start, Instant.now().plusSeconds(1))
                .collectList().block(Duration.ofSeconds(10));
        assertThat(items).extracting(i -> i.rma() + " " + i.sku() + " " + i.quantity() + " " + i.grade())
                .containsExactly(rma + " TEE-M-NAVY 1 restock", rma + " TEE-S-SAND 1 quarantine");
        assertThat(returnedItems.receivedBetween(UUID.fromString(other.merchantId), start, Instant.now().plusSeconds(1))
                .collectList().block(Duration.ofSeconds(10))).isEmpty();
        assertBooksAgree(world.merchantId);
    }

    private void policy(WebTestClient merchant, int days) {
        merchant.put().uri("/api/v1/return-policy").bodyValue(Map.of("window_days", days, "non_returnable_skus", List.of("GIFT-CARD"),
                        "reasons", List.of("changed_mind", "wrong_size", "damaged"), "label_paid_by", "merchant", "exchanges_allowed", true))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.window_days").isEqualTo(days);
    }

    private static List<String> balances(WebTestClient merchant, String sku) {
        return maps(merchant.get().uri("/api/v1/stock/balances?sku={sku}", sku).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody()).stream()
                .filter(b -> ((Number) b.get("on_hand")).intValue() > 0)
                .map(b -> b.get("location_code") + " " + b.get("status") + " " + b.get("on_hand")).toList();
    }

    private static WebTestClient.ResponseSpec open(WebTestClient merchant, String key, Map<String, Object> body) {
        return merchant.post().uri("/api/v1/returns").header("Idempotency-Key", key).bodyValue(body).exchange();
    }

    private static void refused(WebTestClient.ResponseSpec response, int status, String type) {
        response.expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").value(t -> assertThat((String) t).endsWith("/" + type));
    }

    private static void refusedPhoto(WebTestClient station, String returnId, byte[] body, int status, String type) {
        refused(station.post().uri("/api/v1/returns/{id}/photos", returnId).contentType(MediaType.IMAGE_PNG).bodyValue(body).exchange(), status, type);
    }

    private String worker(World world, String prefix, List<String> roles) {
        String badge = unique(prefix);
        admin().post().uri("/api/v1/admin/workers").bodyValue(Map.of("badge_code", badge, "name", "Worker " + badge, "pin", "1357",
                        "node_code", world.node, "roles", roles))
                .exchange().expectStatus().isCreated();
        return (String) web.post().uri("/api/v1/auth/worker-sessions").bodyValue(Map.of("badge_code", badge, "pin", "1357", "device_id", "RF-" + badge))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("token");
    }

    private void stock(World world, String sku, int units, String location) {
        String key = UUID.randomUUID().toString();
        world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", key + "-in")
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", units, "location_code", "DOCK-1"))
                .exchange().expectStatus().isCreated();
        world.worker(this).post().uri("/api/v1/moves").header("Idempotency-Key", key + "-away")
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", units, "from_location_code", "DOCK-1", "to_location_code", location))
                .exchange().expectStatus().isCreated();
    }

    private static String order(WebTestClient merchant, Map<String, Integer> lines, String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("customer", Map.of("name", "Ona Petraitytė", "email", "ona@example.com", "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius",
                "postal_code", "01103", "country", "LT", "latitude", 54.6872, "longitude", 25.2797)));
        body.put("lines", lines.entrySet().stream().map(e -> Map.of("sku", e.getKey(), "quantity", e.getValue())).toList());
        body.put("service_level", "standard");
        Map<?, ?> order = merchant.post().uri("/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString()).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(order.get("status")).isEqualTo(status);
        return (String) order.get("id");
    }

    /** Waves, picks, packs into one carton, labels with the sandbox carrier, loads and closes the manifest. */
    private void ship(World world, String packerToken, String orderId) {
        WebTestClient supervisor = world.worker(this);
        WebTestClient packer = as(packerToken);
        WavePicking.waveAndPickEverything(supervisor, packer);
        Map<?, ?> session = packer.post().uri("/api/v1/pack-sessions").bodyValue(Map.of("station_code", "PACK-1", "order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String cartonId = (String) packer.post().uri("/api/v1/pack-sessions/{id}/cartons", session.get("id")).bodyValue(Map.of("order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        for (String sku : List.of("TEE-M-NAVY", "TEE-S-SAND")) {
            packer.post().uri("/api/v1/cartons/{id}/units", cartonId).header("Idempotency-Key", "pack-" + cartonId + sku)
                    .bodyValue(Map.of("sku", sku)).exchange().expectStatus().isOk();
        }
        packer.post().uri("/api/v1/cartons/{id}/close", cartonId)
                .bodyValue(Map.of("length_mm", 310, "width_mm", 260, "height_mm", 50, "weight_grams", 360))
                .exchange().expectStatus().isOk();
        Map<?, ?> shipment = Eventually.until(() -> packer.get().uri("/api/v1/cartons/{id}/shipment", cartonId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody(), read -> !"label_pending".equals(read.get("status")));
        assertThat(shipment.get("status")).as("label failure %s", shipment.get("failure_reason")).isEqualTo("labelled");
        String loadId = (String) supervisor.post().uri("/api/v1/loads").bodyValue(Map.of("carrier", shipment.get("carrier"), "dock_code", "DOCK-1"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        supervisor.post().uri("/api/v1/loads/{id}/cartons", loadId).header("Idempotency-Key", "load-" + cartonId)
                .bodyValue(Map.of("sscc", shipment.get("sscc"))).exchange().expectStatus().isCreated();
        supervisor.post().uri("/api/v1/loads/{id}/close", loadId).header("Idempotency-Key", "close-" + loadId).exchange().expectStatus().isOk();
        assertThat(world.merchant(this).get().uri("/api/v1/orders/{id}", orderId).exchange().expectBody(Map.class).returnResult()
                .getResponseBody().get("status")).isEqualTo("shipped");
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> maps(Object list) {
        return (List<Map<?, ?>>) list;
    }
}
