package io.stowage.api.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A label the carriers refuse waits, visible with the carrier's reason, until someone fixes the cause and retries. */
class FailedLabelsTest extends ApiTest {

    @Autowired
    ApplicationContext service;

    @Test
    void aRefusedPurchaseIsQueuedAsLabelFailedWithTheReasonAndARetryBuysIt() {
        ShippingDesk desk = ShippingDesk.create(this);
        // Ukrposhta collects in Ukraine only: it cannot carry a carton from this Lithuanian warehouse.
        desk.merchant().post().uri("/api/v1/carrier-accounts").bodyValue(Map.of("carrier", "ukrposhta"))
                .exchange().expectStatus().isCreated();
        UUID carton = desk.closeCarton(service, desk.order(null), 1, 1000);

        Map<?, ?> failed = desk.awaitPurchase(carton);
        assertThat(failed.get("status")).isEqualTo("label_failed");
        assertThat((String) failed.get("failure_reason")).startsWith("no carrier of the merchant can carry");
        Map<?, ?> queue = desk.supervisor().get().uri("/api/v1/shipments?status=label_failed").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Object> queued = ((List<?>) queue.get("items")).stream().map(item -> (Object) ((Map<?, ?>) item).get("id")).toList();
        assertThat(queued).containsExactly((Object) failed.get("id"));
        desk.supervisor().get().uri("/api/v1/shipments/{id}/label", failed.get("id")).exchange().expectStatus().isEqualTo(409);

        desk.merchant().post().uri("/api/v1/carrier-accounts").bodyValue(Map.of("carrier", "sandbox")).exchange().expectStatus().isCreated();
        Map<?, ?> retried = desk.supervisor().post().uri("/api/v1/shipments/{id}/retry", failed.get("id"))
                .header("Idempotency-Key", "retry-" + failed.get("id")).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(retried.get("status")).isIn("label_pending", "labelled");

        Map<?, ?> labelled = desk.awaitLabelled(carton);
        assertThat(labelled.get("carrier")).isEqualTo("sandbox");
        assertThat(labelled.get("sscc")).as("the carton keeps its SSCC").isEqualTo(failed.get("sscc"));
        assertThat(labelled.get("failure_reason")).isNull();
        desk.supervisor().post().uri("/api/v1/shipments/{id}/retry", failed.get("id")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/shipment-not-retryable");
        assertThat(desk.events("shipment.created")).hasSize(1);
    }

    @Test
    void carrierAccountsAreCheckedAndAnApiKeyNeverComesBack() {
        ShippingDesk desk = ShippingDesk.create(this);
        desk.merchant().post().uri("/api/v1/carrier-accounts").bodyValue(Map.of("carrier", "pony-express")).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/unknown-carrier");
        desk.merchant().post().uri("/api/v1/carrier-accounts").bodyValue(Map.of("carrier", "easypost")).exchange()
                .expectStatus().isEqualTo(422);
        desk.merchant().post().uri("/api/v1/carrier-accounts").bodyValue(Map.of("carrier", "omniva", "api_key", "x")).exchange()
                .expectStatus().isEqualTo(422);
        desk.merchant().post().uri("/api/v1/carrier-accounts")
                .bodyValue(Map.of("carrier", "easypost", "api_key", "EZAK_secret_qwZy", "base_uri", "http://127.0.0.1:1/v2/")).exchange()
                .expectStatus().isEqualTo(422);

        String created = desk.merchant().post().uri("/api/v1/carrier-accounts")
                .bodyValue(Map.of("carrier", "easypost", "api_key", "EZAK_secret_qwZy", "description", "US parcels")).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        String listed = desk.merchant().get().uri("/api/v1/carrier-accounts").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(created).contains("\"api_key_set\":true").doesNotContain("EZAK").doesNotContain("secret").doesNotContain("qwZy");
        assertThat(listed).contains("easypost").doesNotContain("EZAK").doesNotContain("secret").doesNotContain("qwZy");
        desk.merchant().post().uri("/api/v1/carrier-accounts").bodyValue(Map.of("carrier", "easypost", "api_key", "EZAK_other")).exchange()
                .expectStatus().isEqualTo(409);
    }
}
