package io.stowage.api.webhooks;

import io.stowage.api.access.Caller;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The merchant's events, the delivery log with every attempt, and replays. */
@RestController
class WebhookDeliveryController {

    private final WebhookDeliveries deliveries;
    private final EventLog events;
    private final Commands commands;

    WebhookDeliveryController(WebhookDeliveries deliveries, EventLog events, Commands commands) {
        this.deliveries = deliveries;
        this.events = events;
        this.commands = commands;
    }

    @GetMapping("/api/v1/webhook-deliveries")
    Mono<Page<WebhookDeliveries.Delivery>> deliveries(@AuthenticationPrincipal Caller caller,
                                                      @RequestParam(name = "endpoint_id", required = false) UUID endpointId,
                                                      @RequestParam(name = "event_id", required = false) UUID eventId,
                                                      @RequestParam(name = "event_type", required = false) String eventType,
                                                      @RequestParam(required = false) String status,
                                                      @RequestParam(required = false) Integer limit,
                                                      @RequestParam(required = false) String after) {
        UUID merchantId = caller.asMerchant().merchantId();
        WebhookDeliveries.DeliveryFilter filter = new WebhookDeliveries.DeliveryFilter(endpointId, eventId, eventType, status(status));
        return deliveries.list(merchantId, filter, Cursor.positionBefore(after), Cursor.limit(limit));
    }

    @GetMapping("/api/v1/webhook-deliveries/{id}")
    Mono<WebhookDeliveries.Delivery> delivery(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return deliveries.get(caller.asMerchant().merchantId(), id);
    }

    @GetMapping("/api/v1/events")
    Mono<Page<EventLog.Event>> events(@AuthenticationPrincipal Caller caller,
                                      @RequestParam(required = false) String type,
                                      @RequestParam(required = false) Integer limit,
                                      @RequestParam(required = false) String after) {
        return events.list(caller.asMerchant().merchantId(), type, Cursor.positionBefore(after), Cursor.limit(limit));
    }

    /** Accepted: the deliveries are queued and go out with the next delivery pass. */
    @PostMapping("/api/v1/events/{eventId}/replay")
    Mono<ResponseEntity<String>> replay(@AuthenticationPrincipal Caller caller, @PathVariable UUID eventId,
                                        @RequestParam(name = "endpoint_id", required = false) UUID endpointId) {
        UUID merchantId = caller.asMerchant().merchantId();
        return commands.run(CommandScope.merchant(merchantId), null, HttpStatus.ACCEPTED, () -> deliveries.replay(merchantId, eventId, endpointId));
    }

    private static DeliveryStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("status", "must be one of pending, delivered, failed");
        }
    }
}
