package io.stowage.api.tracking;

import io.stowage.api.access.Caller;
import io.stowage.api.problem.ApiProblem;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A shipment's tracking for the merchant (its own), a worker (its node's) or the administrator:
 * status, flag, ETAs and events newest first. Another's shipment, or one not tracked, is 404.
 */
@RestController
class TrackingController {

    private final ShipmentTracking tracking;

    TrackingController(ShipmentTracking tracking) {
        this.tracking = tracking;
    }

    @GetMapping("/api/v1/shipments/{id}/tracking")
    Mono<ShipmentTracking.Tracking> get(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return tracking.of(id)
                .filter(found -> visible(caller, found.summary()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Tracked shipment", id)));
    }

    private static boolean visible(Caller caller, ShipmentTracking.Summary summary) {
        if (caller instanceof Caller.Merchant merchant) {
            return merchant.merchantId().equals(summary.merchantId());
        }
        if (caller instanceof Caller.Worker worker) {
            return worker.nodeId().equals(summary.nodeId());
        }
        return caller instanceof Caller.Admin;
    }
}
