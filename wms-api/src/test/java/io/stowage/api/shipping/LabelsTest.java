package io.stowage.api.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import io.stowage.barcodes.decode.BarcodeDecoder;
import io.stowage.barcodes.decode.DecodedBarcode;
import io.stowage.barcodes.gs1.ElementString;
import io.stowage.barcodes.gs1.Sscc;
import io.stowage.barcodes.render.Symbology;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A closed carton gets its SSCC and label; the label prints in every format, again and again, and voids before pickup. */
class LabelsTest extends ApiTest {

    @Autowired
    ApplicationContext service;

    @Test
    void theLabelPrintsAsZplByDefaultAndAsPdfAndPngWhoseGs1128CarriesTheSscc() {
        PackStation station = PackStation.create(this);
        ShippingDesk desk = station.desk;
        station.stock("TEE-M-NAVY", "P-03-01-A", 2);
        String order = station.order("TEE-M-NAVY", 2);
        Map<?, ?> batch = station.pickEverything();
        // Releasing the wave ran the day plan: the label is bought on the service planned for the order.
        Map<?, ?> plan = Eventually.until(() -> desk.merchant().get().uri("/api/v1/orders/{id}/carrier-plan", order).exchange()
                .returnResult(Map.class).getResponseBody().blockFirst(), read -> read != null && read.get("service_code") != null);
        WebTestClient packer = as(station.packer());
        UUID carton = PackStation.closeCarton(packer, PackStation.session(packer, batch, order), order, "TEE-M-NAVY", 2, 360);

        Map<?, ?> shipment = desk.awaitLabelled(carton);
        assertThat(shipment.get("order_id")).isEqualTo(order);
        assertThat(shipment.get("carton_number")).isEqualTo(1);
        assertThat(shipment.get("weight_grams")).isEqualTo(360);
        assertThat(shipment.get("requested_service")).isEqualTo(plan.get("service_code"));
        assertThat(shipment.get("carrier") + "/" + shipment.get("service_code")).as("the planned service carries the carton")
                .isEqualTo(plan.get("service_code"));
        assertThat(shipment.get("selection_reason")).isNull();
        String sscc = (String) shipment.get("sscc");
        assertThat(Sscc.parse(sscc).value()).isEqualTo(sscc);
        assertThat(sscc).startsWith("0" + "4750000");
        assertThat((String) shipment.get("carrier_tracking_url")).contains((String) shipment.get("tracking_number"));

        desk.supervisor().get().uri("/api/v1/shipments/{id}/label", shipment.get("id")).exchange()
                .expectStatus().isOk().expectHeader().contentType("application/zpl");
        String zpl = new String(desk.label(shipment.get("id"), null), StandardCharsets.UTF_8);
        assertThat(zpl).startsWith("^XA").contains(sscc).contains((String) shipment.get("tracking_number"));
        assertThat(desk.label(shipment.get("id"), "zpl")).isEqualTo(zpl.getBytes(StandardCharsets.UTF_8));
        byte[] pdf = desk.label(shipment.get("id"), "pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        byte[] png = desk.label(shipment.get("id"), "png");
        List<DecodedBarcode> barcodes = BarcodeDecoder.decodeAll(png);
        assertThat(barcodes).filteredOn(barcode -> barcode.symbology() == Symbology.GS1_128)
                .extracting(barcode -> ElementString.parseBracketed(barcode.text()).get("00").orElse(null))
                .contains(sscc);

        Map<?, ?> created = Eventually.until(() -> desk.events("shipment.created"), events -> !events.isEmpty()).get(0);
        Map<?, ?> data = (Map<?, ?>) created.get("data");
        assertThat(data.get("sscc")).isEqualTo(sscc);
        assertThat(data.get("tracking_number")).isEqualTo(shipment.get("tracking_number"));
        assertThat(data.get("carton_id")).isEqualTo(carton.toString());
    }

    @Test
    void withNothingPlannedOrChosenTheSandboxCarriesIt() {
        ShippingDesk desk = ShippingDesk.create(this);
        UUID carton = desk.closeCarton(service, desk.order(null), 1, 1250);
        Map<?, ?> shipment = desk.awaitLabelled(carton);
        assertThat(shipment.get("carrier")).isEqualTo("sandbox");
        assertThat((String) shipment.get("tracking_number")).startsWith("SBX");
        assertThat(shipment.get("requested_service")).isNull();
        assertThat((String) shipment.get("selection_reason"))
                .startsWith("no service was planned or chosen; the installation's default carrier sandbox: chose sandbox/");
    }

    @Test
    void aReprintIsTheSameLabelAndBuysNothing() {
        ShippingDesk desk = ShippingDesk.create(this);
        UUID carton = desk.closeCarton(service, desk.order(null), 1, 800);
        Map<?, ?> shipment = desk.awaitLabelled(carton);

        byte[] first = desk.label(shipment.get("id"), "png");
        byte[] reprint = desk.supervisor().get().uri("/api/v1/cartons/{id}/label?format=png", carton).exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();

        assertThat(reprint).isEqualTo(first);
        Map<?, ?> after = desk.shipmentOfCarton(carton);
        assertThat(after.get("tracking_number")).isEqualTo(shipment.get("tracking_number"));
        assertThat(after.get("attempts")).isEqualTo(1);
        assertThat(desk.events("shipment.created")).hasSize(1);
    }

    @Test
    void theShoppersServiceIsBoughtWhenItFitsAndTheReasonIsStoredWhenItDoesNot() {
        ShippingDesk desk = ShippingDesk.create(this);
        UUID fits = desk.closeCarton(service, desk.order("omniva/courier"), 1, 1200);
        Map<?, ?> bought = desk.awaitLabelled(fits);
        assertThat(bought.get("carrier")).isEqualTo("omniva");
        assertThat(bought.get("service_code")).isEqualTo("courier");
        assertThat(bought.get("requested_service")).isEqualTo("omniva/courier");
        assertThat(bought.get("selection_reason")).isNull();

        UUID tooHeavy = desk.closeCarton(service, desk.order("omniva/locker-eco"), 1, 25_000);
        Map<?, ?> other = desk.awaitLabelled(tooHeavy);
        assertThat(other.get("requested_service")).isEqualTo("omniva/locker-eco");
        assertThat(other.get("carrier") + "/" + other.get("service_code")).isNotEqualTo("omniva/locker-eco");
        assertThat((String) other.get("selection_reason"))
                .startsWith("omniva/locker-eco (the shopper's choice) cannot carry this carton")
                .contains("; chose ");
    }

    @Test
    void aLabelIsVoidedBeforePickupOnceAndThenHasNothingToPrint() {
        ShippingDesk desk = ShippingDesk.create(this);
        UUID carton = desk.closeCarton(service, desk.order(null), 1, 900);
        Map<?, ?> shipment = desk.awaitLabelled(carton);

        Map<?, ?> voided = desk.supervisor().post().uri("/api/v1/shipments/{id}/void", shipment.get("id"))
                .header("Idempotency-Key", "void-" + shipment.get("id")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(voided.get("status")).isEqualTo("voided");
        assertThat(voided.get("voided_at")).isNotNull();

        desk.supervisor().post().uri("/api/v1/shipments/{id}/void", shipment.get("id")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/shipment-not-voidable");
        desk.supervisor().get().uri("/api/v1/shipments/{id}/label", shipment.get("id")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/shipment-not-labelled");
        Map<?, ?> event = Eventually.until(() -> desk.events("shipment.voided"), events -> !events.isEmpty()).get(0);
        assertThat(((Map<?, ?>) event.get("data")).get("sscc")).isEqualTo(shipment.get("sscc"));
    }

    @Test
    void anotherMerchantsShipmentIsNotFoundAndABadFormatIsRefused() {
        ShippingDesk desk = ShippingDesk.create(this);
        UUID carton = desk.closeCarton(service, desk.order(null), 1, 500);
        Map<?, ?> shipment = desk.awaitLabelled(carton);
        ShippingDesk other = ShippingDesk.create(this);

        other.merchant().get().uri("/api/v1/shipments/{id}", shipment.get("id")).exchange().expectStatus().isNotFound();
        other.supervisor().get().uri("/api/v1/shipments/{id}/label", shipment.get("id")).exchange().expectStatus().isNotFound();
        other.merchant().post().uri("/api/v1/shipments/{id}/void", shipment.get("id")).exchange().expectStatus().isNotFound();
        desk.merchant().get().uri("/api/v1/shipments/{id}/label?format=gif", shipment.get("id")).exchange()
                .expectStatus().isEqualTo(422).expectHeader().contentType("application/problem+json");
        desk.merchant().get().uri("/api/v1/shipments?status=lost").exchange().expectStatus().isEqualTo(422);
        assertThat(desk.shipmentOfCarton(carton).get("status")).isEqualTo("labelled");
    }
}
