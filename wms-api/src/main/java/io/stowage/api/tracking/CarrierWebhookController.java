package io.stowage.api.tracking;

import io.stowage.api.commands.NotACommand;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The URL carriers post tracking webhooks to: {@code POST /api/v1/carrier-webhooks/{carrier}}. No
 * API key: the carrier proves itself with the signature over the raw body, which is why the body is
 * taken as bytes, exactly as sent.
 */
@RestController
class CarrierWebhookController {

    private final CarrierWebhooks webhooks;

    CarrierWebhookController(CarrierWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/api/v1/carrier-webhooks/{carrier}")
    @NotACommand("a carrier's delivery: signed instead of authenticated, and de-duplicated by the carrier's event id "
            + "(carrier_webhook_receipts) instead of an Idempotency-Key")
    Mono<CarrierWebhooks.Outcome> receive(@PathVariable String carrier, @RequestHeader HttpHeaders headers,
                                          @RequestBody(required = false) byte[] body) {
        Map<String, List<String>> copied = new java.util.LinkedHashMap<>();
        headers.forEach(copied::put);
        return webhooks.receive(carrier, body == null ? new byte[0] : body, copied);
    }
}
