package io.stowage.api.network;

import static io.stowage.api.network.NetworkFixtures.node;
import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.barcodes.decode.BarcodeDecoder;
import io.stowage.barcodes.decode.DecodedBarcode;
import io.stowage.barcodes.render.Symbology;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocationsTest extends ApiTest {

    /** Node codes and badges are unique across the shared database: this class's carry a random suffix. */
    private final String wh1 = unique("WH-1");
    private final String wh2 = unique("WH-2");

    @Autowired
    DatabaseClient db;

    @BeforeAll
    void network() {
        for (String code : List.of(wh1, wh2)) {
            admin().post().uri("/api/v1/nodes").bodyValue(node(code, "warehouse", 54.68, 25.28)).exchange().expectStatus().isCreated();
        }
    }

    @Test
    void supervisorsSetUpOnlyTheirOwnNodeAndMerchantsStayOut() {
        String supervisorHere = worker("SUP-1", wh1, "supervisor");
        String supervisorThere = worker("SUP-2", wh2, "supervisor");
        String picker = worker("PICK-1", wh1, "picker");
        String merchant = newMerchant("Curious Caps");

        as(supervisorHere).post().uri("/api/v1/nodes/" + wh1 + "/zones").bodyValue(Map.of("code", "COLD", "name", "Cold room")).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.code").isEqualTo("COLD");
        as(supervisorThere).post().uri("/api/v1/nodes/" + wh1 + "/zones").bodyValue(Map.of("code", "SNEAK", "name", "Not mine")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        as(picker).post().uri("/api/v1/nodes/" + wh1 + "/zones").bodyValue(Map.of("code", "PICKY", "name", "Not a supervisor")).exchange()
                .expectStatus().isForbidden();
        as(merchant).post().uri("/api/v1/nodes/" + wh1 + "/zones").bodyValue(Map.of("code", "MERCH", "name", "Merchant")).exchange()
                .expectStatus().isForbidden();
        as(merchant).get().uri("/api/v1/nodes/" + wh1 + "/zones").exchange().expectStatus().isForbidden();
        as(merchant).get().uri("/api/v1/nodes/" + wh1 + "/locations").exchange().expectStatus().isForbidden();
        admin().post().uri("/api/v1/nodes/" + wh1 + "/zones").bodyValue(Map.of("code", "COLD", "name", "Again")).exchange()
                .expectStatus().isEqualTo(409);

        as(picker).get().uri("/api/v1/nodes/" + wh1 + "/zones").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.code == 'COLD')].name").isEqualTo(List.of("Cold room"))
                .jsonPath("$.items[*].code").value(codes -> assertThat(String.valueOf(codes)).doesNotContain("SNEAK", "PICKY", "MERCH"));
    }

    @Test
    void locationsAreCreatedAllOrNothing() {
        admin().post().uri("/api/v1/nodes/" + wh2 + "/zones").bodyValue(Map.of("code", "B", "name", "Bulk")).exchange().expectStatus().isCreated();
        List<Map<String, Object>> good = List.of(
                location("DOCK-1", null, "dock", 0, 0),
                location("B-01-01-A", "B", "reserve", 1000, 600),
                location("PACK-1", null, "pack_station", 5000, 0));

        List<Map<String, Object>> unknownType = new ArrayList<>(good);
        unknownType.set(1, location("B-01-01-A", "B", "shelf", 1000, 600));
        admin().post().uri("/api/v1/nodes/" + wh2 + "/locations").bodyValue(Map.of("locations", unknownType)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("locations[1].type");

        List<Map<String, Object>> repeated = new ArrayList<>(good);
        repeated.add(location("DOCK-1", null, "dock", 10, 10));
        repeated.add(location("NOWHERE-1", "NOPE", "reserve", 10, 10));
        admin().post().uri("/api/v1/nodes/" + wh2 + "/locations").bodyValue(Map.of("locations", repeated)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'locations[3].code')]").exists()
                .jsonPath("$.errors[?(@.field == 'locations[4].zone_code')]").exists();
        admin().get().uri("/api/v1/nodes/" + wh2 + "/locations").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);

        admin().post().uri("/api/v1/nodes/" + wh2 + "/locations").bodyValue(Map.of("locations", good)).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.created").isEqualTo(3)
                .jsonPath("$.items[0].code").isEqualTo("B-01-01-A")
                .jsonPath("$.items[0].zone_code").isEqualTo("B")
                .jsonPath("$.items[0].x_mm").isEqualTo(1000);

        admin().post().uri("/api/v1/nodes/" + wh2 + "/locations")
                .bodyValue(Map.of("locations", List.of(location("STAGE-1", null, "staging", 0, 0), location("DOCK-1", null, "dock", 0, 0))))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("DOCK-1"));
        admin().get().uri("/api/v1/nodes/" + wh2 + "/locations/STAGE-1").exchange().expectStatus().isNotFound();

        // The same code in another node is another location: WH-1 does not know WH-2's dock.
        admin().get().uri("/api/v1/nodes/" + wh1 + "/locations/DOCK-1").exchange().expectStatus().isNotFound();
        admin().get().uri("/api/v1/nodes/" + wh2 + "/locations/DOCK-1").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.type").isEqualTo("dock").jsonPath("$.active").isEqualTo(true);

        admin().get().uri("/api/v1/nodes/" + wh2 + "/locations?type=pack_station").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[*].code").isEqualTo(List.of("PACK-1"));
        admin().get().uri("/api/v1/nodes/" + wh2 + "/locations?zone=B").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[*].code").isEqualTo(List.of("B-01-01-A"));
        admin().get().uri("/api/v1/nodes/" + wh2 + "/locations?type=attic").exchange().expectStatus().isEqualTo(422);
    }

    @Test
    void aRackLayoutCreatesEveryLocationOnceWithItsCoordinates() {
        admin().post().uri("/api/v1/nodes/" + wh1 + "/zones").bodyValue(Map.of("code", "A", "name", "Ambient")).exchange().expectStatus().isCreated();
        Map<String, Object> layout = rackLayout("pick_face");

        admin().post().uri("/api/v1/nodes/" + wh1 + "/rack-layouts").bodyValue(layout).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.created").isEqualTo(6 * 20 * 4)
                .jsonPath("$.existing").isEqualTo(0)
                .jsonPath("$.first_code").isEqualTo("A-01-01-A")
                .jsonPath("$.last_code").isEqualTo("A-06-20-D");
        admin().post().uri("/api/v1/nodes/" + wh1 + "/rack-layouts").bodyValue(layout).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.created").isEqualTo(0).jsonPath("$.existing").isEqualTo(480);

        // Aisle 3 is centred at x = 1000 + 2 * 3000; bays 1 and 2 face each other in the first bay-width, odd on the left.
        admin().get().uri("/api/v1/nodes/" + wh1 + "/locations/A-03-02-B").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.aisle").isEqualTo(3).jsonPath("$.bay").isEqualTo(2).jsonPath("$.level").isEqualTo(2)
                .jsonPath("$.x_mm").isEqualTo(7750).jsonPath("$.y_mm").isEqualTo(600 + 500)
                .jsonPath("$.type").isEqualTo("pick_face").jsonPath("$.zone_code").isEqualTo("A");
        admin().get().uri("/api/v1/nodes/" + wh1 + "/locations/A-03-01-D").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.x_mm").isEqualTo(6250).jsonPath("$.y_mm").isEqualTo(1100).jsonPath("$.level").isEqualTo(4);
        admin().get().uri("/api/v1/nodes/" + wh1 + "/locations/A-03-20-A").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.y_mm").isEqualTo(500 + 9 * 1200 + 600);

        admin().post().uri("/api/v1/nodes/" + wh1 + "/rack-layouts").bodyValue(rackLayout("reserve")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/location-conflict");
        admin().get().uri("/api/v1/nodes/" + wh1 + "/locations?zone=A&limit=500").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(480)
                .jsonPath("$.items[?(@.type != 'pick_face')]").doesNotExist();

        Map<String, Object> backwards = new HashMap<>(layout);
        backwards.put("aisles", Map.of("from", 5, "to", 2));
        admin().post().uri("/api/v1/nodes/" + wh1 + "/rack-layouts").bodyValue(backwards).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("aisles.to");
    }

    @Test
    void labelsCarryTheLocationCodeInCode128() throws Exception {
        admin().post().uri("/api/v1/nodes/" + wh2 + "/zones").bodyValue(Map.of("code", "L", "name", "Labels")).exchange().expectStatus().isCreated();
        Map<String, Object> layout = new HashMap<>(rackLayout("reserve"));
        layout.put("zone_code", "L");
        layout.put("aisles", Map.of("from", 1, "to", 2));
        layout.put("bays", Map.of("from", 1, "to", 3));
        layout.put("levels", List.of("A", "B"));
        admin().post().uri("/api/v1/nodes/" + wh2 + "/rack-layouts").bodyValue(layout).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.created").isEqualTo(12);

        byte[] png = admin().get().uri("/api/v1/nodes/" + wh2 + "/locations/L-02-03-B/label.png").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(BarcodeDecoder.decodeAll(png)).containsExactly(new DecodedBarcode(Symbology.CODE_128, "L-02-03-B"));

        byte[] pdf = admin().get().uri("/api/v1/nodes/" + wh2 + "/location-labels.pdf?zone=L&aisle=2").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(pdf, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(6);
            BufferedImage firstPage = new PDFRenderer(document).renderImageWithDPI(0, 203);
            assertThat(BarcodeDecoder.decodeAll(firstPage)).containsExactly(new DecodedBarcode(Symbology.CODE_128, "L-02-01-A"));
        }

        admin().get().uri("/api/v1/nodes/" + wh2 + "/location-labels.pdf?zone=NONE").exchange().expectStatus().isEqualTo(422);
        admin().get().uri("/api/v1/nodes/" + wh2 + "/locations/L-09-09-Z/label.png").exchange().expectStatus().isNotFound();
        as(newMerchant("Label Peeker")).get().uri("/api/v1/nodes/" + wh2 + "/locations/L-02-03-B/label.png").exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aPickFaceIsDedicatedToAKnownVariant() {
        String merchant = newMerchant("Pick Face Pants");
        UUID merchantId = UUID.fromString((String) as(merchant).get().uri("/api/v1/merchant").exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("id"));
        UUID variantId = variant(merchantId, "PANTS-32");
        admin().post().uri("/api/v1/nodes/" + wh1 + "/locations")
                .bodyValue(Map.of("locations", List.of(location("PF-1", null, "pick_face", 0, 0), location("RES-1", null, "reserve", 0, 0))))
                .exchange().expectStatus().isCreated();

        admin().patch().uri("/api/v1/nodes/" + wh1 + "/locations/PF-1")
                .bodyValue(Map.of("pick_face", Map.of("merchant_id", merchantId, "sku", "PANTS-32"), "pick_face_min", 4))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.pick_face.sku").isEqualTo("PANTS-32")
                .jsonPath("$.pick_face.variant_id").isEqualTo(variantId.toString())
                .jsonPath("$.pick_face.merchant_id").isEqualTo(merchantId.toString())
                .jsonPath("$.pick_face_min").isEqualTo(4);

        admin().patch().uri("/api/v1/nodes/" + wh1 + "/locations/PF-1").bodyValue(Map.of("pick_face", Map.of("sku", "NO-SUCH-SKU"))).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("pick_face.sku");
        admin().patch().uri("/api/v1/nodes/" + wh1 + "/locations/RES-1").bodyValue(Map.of("pick_face", Map.of("sku", "PANTS-32"))).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("pick_face");
        admin().patch().uri("/api/v1/nodes/" + wh1 + "/locations/PF-1").bodyValue(Map.of("pick_face_min", -1)).exchange()
                .expectStatus().isEqualTo(422);
        admin().get().uri("/api/v1/nodes/" + wh1 + "/locations/PF-1").exchange()
                .expectBody().jsonPath("$.pick_face.sku").isEqualTo("PANTS-32").jsonPath("$.pick_face_min").isEqualTo(4);

        // Absent fields stay; an explicit null clears the pick face.
        admin().patch().uri("/api/v1/nodes/" + wh1 + "/locations/PF-1").bodyValue(Map.of("active", false)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false).jsonPath("$.pick_face.sku").isEqualTo("PANTS-32");
        admin().patch().uri("/api/v1/nodes/" + wh1 + "/locations/PF-1").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"pick_face\": null}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.pick_face").doesNotExist().jsonPath("$.pick_face_min").isEqualTo(4);

        as(worker("SUP-PF", wh2, "supervisor")).patch().uri("/api/v1/nodes/" + wh1 + "/locations/PF-1").bodyValue(Map.of("active", true))
                .exchange().expectStatus().isForbidden();
    }

    private Map<String, Object> rackLayout(String type) {
        Map<String, Object> layout = new HashMap<>();
        layout.put("zone_code", "A");
        layout.put("type", type);
        layout.put("aisles", Map.of("from", 1, "to", 6));
        layout.put("bays", Map.of("from", 1, "to", 20));
        layout.put("levels", List.of("A", "B", "C", "D"));
        layout.put("aisle_pitch_mm", 3000);
        layout.put("bay_width_mm", 1200);
        layout.put("origin", Map.of("x_mm", 1000, "y_mm", 500));
        layout.put("both_sides", true);
        return layout;
    }

    private static Map<String, Object> location(String code, String zone, String type, int x, int y) {
        Map<String, Object> location = new HashMap<>();
        location.put("code", code);
        location.put("zone_code", zone);
        location.put("type", type);
        location.put("x_mm", x);
        location.put("y_mm", y);
        return location;
    }

    /** Signs a worker in and returns the session token. */
    private String worker(String badgePrefix, String nodeCode, String role) {
        String badge = unique(badgePrefix);
        admin().post().uri("/api/v1/admin/workers")
                .bodyValue(Map.of("badge_code", badge, "name", "Worker " + badge, "pin", "1234", "node_code", nodeCode,
                        "roles", List.of(role.toUpperCase(Locale.ROOT))))
                .exchange().expectStatus().isCreated();
        return (String) web.post().uri("/api/v1/auth/worker-sessions").bodyValue(Map.of("badge_code", badge, "pin", "1234")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("token");
    }

    /** The catalog is another feature: a product and variant row is all a pick face needs. */
    private UUID variant(UUID merchantId, String sku) {
        UUID productId = db.sql("INSERT INTO products (merchant_id, product_code, name) VALUES (:m, :code, 'Pants') RETURNING id")
                .bind("m", merchantId).bind("code", sku).map(row -> row.get("id", UUID.class)).one().block();
        return db.sql("""
                        INSERT INTO variants (merchant_id, product_id, sku, name, weight_g, length_mm, width_mm, height_mm)
                        VALUES (:m, :p, :sku, 'Pants 32', 400, 300, 200, 50) RETURNING id
                        """)
                .bind("m", merchantId).bind("p", productId).bind("sku", sku).map(row -> row.get("id", UUID.class)).one().block();
    }
}
