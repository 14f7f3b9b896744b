package io.stowage.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** What operators and integrators read: the API's description and health without a key, metrics with the admin key only. */
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
    void healthIsOpenAndMetricsAnswerTheAdminKeyOnly() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        String merchantKey = newMerchant("Metrics " + System.nanoTime());
        for (String uri : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator"}) {
            web.get().uri(uri).exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            as(merchantKey).get().uri(uri).exchange().expectStatus().isForbidden();
        }
        String metrics = admin().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("jvm_memory_used_bytes").contains("http_server_requests");
        admin().get().uri("/actuator/metrics").exchange().expectStatus().isOk().expectBody().jsonPath("$.names").isArray();
    }
}
