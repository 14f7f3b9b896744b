package io.stowage.api.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.support.ApiTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The carrier's own estimate of delivery, end to end: the sandbox gives one with its tracking and its
 * webhooks, tracking keeps the latest it gave (by when it gave it), and the merchant's tracking, the
 * customer's page and its JSON show it as the carrier's, beside Stowage's own with its basis.
 */
class CarrierEtaTest extends ApiTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    TrackingTokens trackingTokens;

    @Test
    @SuppressWarnings("unchecked")
    void theSandboxsEstimateIsKeptAndShownAsTheCarriersBesideStowagesOwn() {
        TrackedShipment parcel = TrackedShipment.labelled(this, context, null);

        Map<?, ?> summary = parcel.await(read -> read.get("carrier_eta") != null);
        String carrierEta = (String) summary.get("carrier_eta");
        assertThat(summary.get("eta")).isEqualTo(Map.of("from", carrierEta, "to", carrierEta, "basis", "carrier"));
        assertThat(((Map<?, ?>) summary.get("own_eta")).get("basis")).isIn("lane_history", "transit_days");
        Map<?, ?> sandboxPage = web.get().uri("/sandbox-carrier/parcels/{number}", parcel.trackingNumber).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(sandboxPage.get("estimated_delivery")).as("what the carrier's own page says").isEqualTo(carrierEta);

        String token = trackingTokens.forShipment(parcel.id).block().token();
        Map<String, Object> json = web.get().uri("/track/{token}.json", token).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(json.get("eta")).isEqualTo(Map.of("from", carrierEta, "to", carrierEta, "basis", "carrier"));
        assertThat((Map<String, Object>) json.get("own_eta")).isEqualTo(summary.get("own_eta"));
        String page = web.get().uri("/track/{token}?lang=lv", token).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Pārvadātāja aplēse.", "Mūsu pašu aplēse");
    }

    @Test
    void aLaterEstimateReplacesAnEarlierOneAndOneThatComesLateDoesNotUndoIt() {
        TrackedShipment parcel = TrackedShipment.labelled(this, context, null);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        parcel.news.scan("ARRIVED_AT_HUB", "Arrived at sorting hub", "Vilnius hub", today.plusDays(3));
        assertThat(parcel.summary().get("carrier_eta")).isEqualTo(today.plusDays(3).toString());
        Instant departed = parcel.news.scan("DEPARTED_HUB", "Departed sorting hub", "Vilnius hub", today.plusDays(4));
        assertThat(parcel.summary().get("carrier_eta")).isEqualTo(today.plusDays(4).toString());

        parcel.news.scanAt(departed.minusSeconds(30), "ARRIVED_AT_HUB", "Arrived at sorting hub", "Vilnius hub", today.plusDays(9));
        parcel.news.scan("OUT_FOR_DELIVERY", "Out for delivery", "Vilnius", null);

        Map<?, ?> summary = parcel.summary();
        assertThat(summary.get("status")).isEqualTo("out_for_delivery");
        assertThat(summary.get("carrier_eta")).as("the newest estimate, and news without one keeps it").isEqualTo(today.plusDays(4).toString());
    }
}
