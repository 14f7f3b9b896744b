package io.stowage.api.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerAccessTest extends ApiTest {

    @Test
    void aBadgeAndPinGiveAShiftTokenThatLogoutEnds() {
        World world = World.create(this);
        Map<?, ?> session = web.post().uri("/api/v1/auth/worker-sessions").bodyValue(Map.of("badge_code", world.badge, "pin", "4321"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String token = (String) session.get("token");
        assertThat(token).startsWith("wt_");
        assertThat(((List<?>) session.get("roles")).stream().map(String::valueOf).toList()).containsExactlyInAnyOrder("receiver", "supervisor");

        as(token).get().uri("/api/v1/inbound/asns").exchange().expectStatus().isOk();
        as(token).delete().uri("/api/v1/auth/worker-sessions/current").exchange().expectStatus().isNoContent();
        as(token).get().uri("/api/v1/inbound/asns").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void wrongPinsLockTheBadgeEvenForTheRightPin() {
        World world = World.create(this);
        for (int attempt = 1; attempt <= 4; attempt++) {
            login(world.badge, "0000").expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/unauthorized");
        }
        login(world.badge, "0000").expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/badge-locked");
        login(world.badge, "4321").expectStatus().isEqualTo(429);
        login("B-NOBODY", "4321").expectStatus().isUnauthorized();
    }

    @Test
    void eachKindOfCallerStaysInItsLane() {
        World world = World.create(this);
        world.worker(this).get().uri("/api/v1/merchant").exchange().expectStatus().isForbidden();
        world.worker(this).get().uri("/api/v1/admin/merchants").exchange().expectStatus().isForbidden();
        world.merchant(this).get().uri("/api/v1/inbound/asns").exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/forbidden");
        world.merchant(this).post().uri("/api/v1/admin/workers").bodyValue(Map.of("badge_code", "X1", "name", "X", "pin", "1234",
                "node_code", world.node, "roles", List.of("picker"))).exchange().expectStatus().isForbidden();

        String badge = unique("P1");
        admin().post().uri("/api/v1/admin/workers").bodyValue(Map.of("badge_code", badge, "name", "Picker", "pin", "1234",
                "node_code", world.node, "roles", List.of("picker"))).exchange().expectStatus().isCreated();
        Map<?, ?> picker = login(badge, "1234").expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        as((String) picker.get("token")).post().uri("/api/v1/adjustments").header("Idempotency-Key", "adj-1")
                .bodyValue(Map.of("location_code", "DOCK-1", "merchant_id", world.merchantId, "sku", "TEE-M-NAVY",
                        "quantity_change", 5, "reason", "found"))
                .exchange().expectStatus().isForbidden();

        admin().post().uri("/api/v1/admin/workers").bodyValue(Map.of("badge_code", "P2", "name", "Nobody", "pin", "12",
                "node_code", "NOWHERE", "roles", List.of())).exchange().expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'pin')]").exists()
                .jsonPath("$.errors[?(@.field == 'roles')]").exists();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec login(String badge, String pin) {
        return web.post().uri("/api/v1/auth/worker-sessions").bodyValue(Map.of("badge_code", badge, "pin", pin)).exchange();
    }
}
