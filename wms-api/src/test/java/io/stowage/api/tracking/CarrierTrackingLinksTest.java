package io.stowage.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.carriers.CarrierDirectory;
import io.stowage.api.shipping.LabelledParcels;
import io.stowage.api.shipping.ReturnLabels;
import io.stowage.api.support.ApiTest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

/**
 * Every carrier tracking link Stowage hands out (on the shipment, in {@code shipment.shipped}, on the
 * tracking page, on a return label and its QR code) leads somewhere that answers. The sandbox's links
 * lead to this service, so they are followed: an outbound parcel's and a return label's, which the
 * sandbox holds no parcel for until it is dropped off. The rate-card carriers' links lead to their
 * own sites, which a test cannot reach: they must be https pages of the carrier naming the number.
 */
class CarrierTrackingLinksTest extends ApiTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ReturnLabels returnLabels;

    @Autowired
    CarrierDirectory directory;

    @Test
    void theSandboxsOutboundAndReturnLinksAnswerAndANumberItNeverIssuedIsNotFound() {
        LabelledParcels parcels = LabelledParcels.create(this, context);
        Map<?, ?> shipment = parcels.labelled(null);
        assertThat(shipment.get("carrier")).isEqualTo("sandbox");
        String outbound = path((String) shipment.get("carrier_tracking_url"));
        web.get().uri(outbound).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.tracking_number").isEqualTo(shipment.get("tracking_number"))
                .jsonPath("$.awaiting_drop_off").isEqualTo(false);

        ReturnLabels.BoughtReturnLabel label = returnLabels.buy(parcels.merchantId(), UUID.fromString((String) shipment.get("id")),
                "RMA-" + UUID.randomUUID().toString().substring(0, 10).toUpperCase(java.util.Locale.ROOT)).block(Duration.ofSeconds(30));
        assertThat(label.trackingNumber()).startsWith("SBR");
        String returned = path(label.trackingUrl());
        assertThat(returned).isEqualTo("/sandbox-carrier/parcels/" + label.trackingNumber());
        web.get().uri(returned).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.carrier").isEqualTo("sandbox")
                .jsonPath("$.tracking_number").isEqualTo(label.trackingNumber())
                .jsonPath("$.awaiting_drop_off").isEqualTo(true)
                .jsonPath("$.label_issued_at").exists()
                .jsonPath("$.note").value(note -> assertThat((String) note).contains("not been dropped off yet"))
                .jsonPath("$.scans.length()").isEqualTo(0);

        // A return number the sandbox never issued, and an outbound-looking one, stay unknown
        web.get().uri("/sandbox-carrier/parcels/SBR9" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L)).exchange()
                .expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/sandbox-carrier/parcels/SBX-NO-SUCH-" + UUID.randomUUID()).exchange().expectStatus().isNotFound();
        // Only a return label the sandbox issued is handed in at its parcel shop: a number it never issued, or an outbound parcel, is 404
        web.post().uri("/sandbox-carrier/parcels/SBR9" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + "/drop-off")
                .exchange().expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri(outbound + "/drop-off").exchange().expectStatus().isNotFound();
        web.get().uri(outbound).exchange().expectStatus().isOk().expectBody().jsonPath("$.scans[0].code").value(code ->
                assertThat(code).isNotEqualTo("DROPPED_OFF"));
    }

    @Test
    void everyRateCardCarriersLinkIsAnHttpsPageOfTheCarrierNamingTheNumber() {
        assertThat(directory.rateCards()).isNotEmpty().allSatisfy(card -> {
            URI link = URI.create(card.trackingUrlTemplate().replace("{trackingNumber}", "CE123456789EE"));
            assertThat(link.getScheme()).as(card.carrier()).isEqualTo("https");
            assertThat(link.getHost()).as(card.carrier()).isNotBlank().doesNotContain("localhost", "example");
            assertThat(link.toString()).as(card.carrier()).contains("CE123456789EE");
        });
    }

    /** The link's path on this service: the sandbox's links are under the service's public URL. */
    private String path(String link) {
        URI uri = URI.create(link);
        assertThat(uri.getHost()).as(link).isEqualTo("localhost");
        return uri.getPath();
    }
}
