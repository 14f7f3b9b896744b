package io.stowage.api.tracking;

import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import io.stowage.api.shipping.TrackedCarriers;
import io.stowage.carriers.sandbox.SandboxCarrier;
import io.stowage.carriers.spi.Carrier;
import io.stowage.carriers.spi.MalformedCarrierResponseException;
import io.stowage.carriers.tracking.TrackingWebhookReceiver;
import io.stowage.carriers.tracking.WebhookReceipt;
import io.stowage.carriers.tracking.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Carrier webhooks in: the library's receiver checks the signature on the raw bytes before anything
 * reads them, parses, and drops an event id already handled (in PostgreSQL, so on any instance);
 * the events then go to the {@link ParcelLedger}. A carrier is taken when the installation has it and
 * knows its secret: the sandbox always (shipping's sandbox secret), others through
 * {@code stowage.tracking.webhook-secrets.<carrier>}.
 */
@Component
class CarrierWebhooks {

    private final TrackedCarriers carriers;
    private final TrackingSettings settings;
    private final DatabaseWebhookStore store;
    private final ParcelLedger ledger;
    private final CarrierCalls calls;
    private final Map<String, TrackingWebhookReceiver> receivers = new ConcurrentHashMap<>();

    CarrierWebhooks(TrackedCarriers carriers, TrackingSettings settings, DatabaseWebhookStore store, ParcelLedger ledger,
                    CarrierCalls calls) {
        this.carriers = carriers;
        this.settings = settings;
        this.store = store;
        this.ledger = ledger;
        this.calls = calls;
    }

    /** What one delivery did: its event id, whether it was a repeat, how many events it brought. */
    record Outcome(String carrier, String eventId, boolean duplicate, int events) {
    }

    Mono<Outcome> receive(String carrierCode, byte[] body, Map<String, List<String>> headers) {
        TrackingWebhookReceiver receiver = receiver(carrierCode).orElseThrow(() -> ApiProblem.of(ProblemType.CARRIER_WEBHOOK_NOT_ACCEPTED,
                "This installation takes no webhooks from a carrier '" + carrierCode + "'"));
        return calls.call(() -> receiver.receive(body, headers))
                .onErrorMap(WebhookVerificationException.class,
                        e -> ApiProblem.of(ProblemType.CARRIER_WEBHOOK_SIGNATURE_INVALID, e.getMessage()))
                .onErrorMap(MalformedCarrierResponseException.class,
                        e -> ApiProblem.of(ProblemType.CARRIER_WEBHOOK_MALFORMED, e.getMessage()))
                .flatMap(receipt -> receipt.duplicate() ? Mono.just(outcome(receipt)) : store(receipt));
    }

    private Mono<Outcome> store(WebhookReceipt receipt) {
        return ledger.record(receipt.events(), receipt.estimates(), "webhook")
                .onErrorResume(e -> store.forget(receipt.carrierCode(), receipt.eventId()).then(Mono.error(e)))
                .thenReturn(outcome(receipt));
    }

    private static Outcome outcome(WebhookReceipt receipt) {
        return new Outcome(receipt.carrierCode(), receipt.eventId(), receipt.duplicate(), receipt.events().size());
    }

    private Optional<TrackingWebhookReceiver> receiver(String carrierCode) {
        TrackingWebhookReceiver known = receivers.get(carrierCode);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> secret = Optional.ofNullable(settings.webhookSecrets().get(carrierCode))
                .or(() -> SandboxCarrier.CODE.equals(carrierCode) ? Optional.of(carriers.sandboxWebhookSecret()) : Optional.empty())
                .filter(value -> !value.isEmpty());
        Optional<Carrier> carrier = carriers.installation(carrierCode).filter(found -> found.webhookSignatureScheme().isPresent());
        if (secret.isEmpty() || carrier.isEmpty()) {
            return Optional.empty();
        }
        TrackingWebhookReceiver receiver = new TrackingWebhookReceiver(carrier.get(), secret.get().getBytes(StandardCharsets.UTF_8), store);
        receivers.put(carrierCode, receiver);
        return Optional.of(receiver);
    }
}
