package io.stowage.api.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A sandbox label bought on one instance is voided through another, as a real carrier's would be:
 * the sandbox keeps its parcels in the database, not in the memory of the instance that bought it.
 */
@ResourceLock(value = ApiTest.SECOND_INSTANCES, mode = ResourceAccessMode.READ)
@Tag("slow")
class SandboxVoidTwoInstancesTest extends ApiTest {

    @Autowired
    ApplicationContext service;

    @Test
    void aSandboxLabelBoughtOnOneInstanceIsVoidedOnAnother() {
        ShippingDesk desk = ShippingDesk.create(this);
        UUID carton = desk.closeCarton(service, desk.order(null), 1, 800);
        Map<?, ?> shipment = desk.awaitLabelled(carton);
        assertThat(shipment.get("carrier")).isEqualTo("sandbox");

        try (ConfigurableApplicationContext other = secondInstance()) {
            WebTestClient supervisorThere = WebTestClient.bindToServer().responseTimeout(RESPONSE_TIMEOUT)
                    .baseUrl("http://localhost:" + other.getEnvironment().getProperty("local.server.port"))
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + desk.world.workerToken).build();
            supervisorThere.post().uri("/api/v1/shipments/{id}/void", shipment.get("id")).header("Idempotency-Key", "void-" + carton)
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("voided");
        }
        assertThat(desk.events("shipment.voided")).hasSize(1);
    }
}
