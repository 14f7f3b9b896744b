package io.stowage.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import org.junit.jupiter.api.Test;

/** What operators and integrators read without a key: the API's description, health and metrics. */
class OperationsEndpointsTest extends ApiTest {

    @Test
    void theOpenApiDocumentDescribesTheJsonTheApiSpeaks() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("Stowage API")
                .jsonPath("$.paths['/api/v1/receipts'].post").exists()
                .jsonPath("$.components.schemas.ReceiptRequest.properties.location_code").exists()
                .jsonPath("$.components.schemas.ReceiptRequest.properties.locationCode").doesNotExist()
                .jsonPath("$.components.schemas.ReceiptRequest.properties.status.enum[0]").isEqualTo("available")
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer");
        web.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void healthAndPrometheusMetricsAreExposed() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        String metrics = web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }
}
