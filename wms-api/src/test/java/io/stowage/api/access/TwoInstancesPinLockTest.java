package io.stowage.api.access;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Guessing a PIN does not get easier with more instances: wrong tries count in the database, so five
 * spread over two instances behind a load balancer lock the badge on both.
 */
@ResourceLock(value = ApiTest.SECOND_INSTANCES, mode = ResourceAccessMode.READ)
@Tag("slow")
class TwoInstancesPinLockTest extends ApiTest {


    @Test
    void fiveWrongPinsAcrossTwoInstancesLockTheBadgeOnBoth() {
        World world = World.create(this);
        try (ConfigurableApplicationContext second = secondInstance()) {
            WebTestClient one = web;
            WebTestClient two = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + second.getEnvironment().getProperty("local.server.port")).build();
            for (int attempt = 1; attempt <= 4; attempt++) {
                login(attempt % 2 == 0 ? one : two, world.badge, "0000").expectStatus().isUnauthorized();
            }
            login(two, world.badge, "0000").expectStatus().isEqualTo(429)
                    .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/badge-locked");
            login(one, world.badge, "4321").expectStatus().isEqualTo(429);
            login(two, world.badge, "4321").expectStatus().isEqualTo(429);
        }
    }

    private static WebTestClient.ResponseSpec login(WebTestClient instance, String badge, String pin) {
        return instance.post().uri("/api/v1/auth/worker-sessions")
                .bodyValue(Map.of("badge_code", badge, "pin", pin, "device_id", "RF-PIN"))
                .exchange();
    }
}
