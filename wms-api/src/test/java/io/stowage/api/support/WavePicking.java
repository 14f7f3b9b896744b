package io.stowage.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The picking part of test floors that take orders to the pack station: a wave of every allocated
 * order of the supervisor's node (a cart of 8 totes, one second to plan), released, and every pick
 * task confirmed in full by the picker, as the handheld would.
 */
public final class WavePicking {

    private WavePicking() {
    }

    /** Waves every allocated order of the node, releases the wave and picks every task. */
    public static void waveAndPickEverything(WebTestClient supervisor, WebTestClient picker) {
        String waveId = (String) supervisor.post().uri("/api/v1/waves")
                .bodyValue(Map.of("cart", Map.of("totes", 8), "time_limit_seconds", 1))
                .exchange().expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody().get("id");
        Map<?, ?> wave = Eventually.until(() -> supervisor.get().uri("/api/v1/waves/{id}", waveId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody(), read -> !"planning".equals(read.get("status")));
        assertThat(wave.get("status")).as("wave failure %s", wave.get("failure")).isEqualTo("planned");
        supervisor.post().uri("/api/v1/waves/{id}/release", waveId).exchange().expectStatus().isOk();
        while (true) {
            var next = picker.get().uri("/api/v1/pick-tasks/next").exchange().expectBody(Map.class).returnResult();
            if (next.getStatus().value() == 204) {
                return;
            }
            for (Object listed : (List<?>) next.getResponseBody().get("tasks")) {
                Map<?, ?> task = (Map<?, ?>) listed;
                if (!"open".equals(task.get("status"))) {
                    continue;
                }
                picker.post().uri("/api/v1/pick-tasks/{id}/confirm", task.get("id")).header("Idempotency-Key", "pick-" + task.get("id"))
                        .bodyValue(Map.of("location_code", task.get("location_code"), "sku", task.get("sku"), "quantity", task.get("quantity"),
                                "tote", task.get("tote")))
                        .exchange().expectStatus().isOk();
            }
        }
    }
}
