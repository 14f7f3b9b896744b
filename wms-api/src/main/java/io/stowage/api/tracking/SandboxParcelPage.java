package io.stowage.api.tracking;

import io.stowage.api.commands.NotACommand;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.shipping.TrackedCarriers;
import io.stowage.carriers.sandbox.SandboxCarrier;
import io.stowage.carriers.spi.TrackingKey;
import io.stowage.carriers.spi.UnknownShipmentException;
import io.stowage.carriers.tracking.CarrierEstimate;
import io.stowage.carriers.tracking.TrackingEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The sandbox carrier's own public tracking page, where its labels' QR codes and the "carrier's
 * tracking link" point: {@code /sandbox-carrier/parcels/{trackingNumber}}. A real carrier serves
 * this on its site; the sandbox is a carrier played by this service, so it answers here, by tracking
 * number as carriers do. It is deliberately not under {@code /track/}: that is the customer's page,
 * opened only by an unguessable token (trackpage), never by a guessable tracking number. A return
 * label's parcel is handed in at the sandbox's parcel shop with {@code POST .../drop-off}; the
 * warehouse's receipt of the return is its delivery ({@link SandboxReturnDeliveries}).
 */
@RestController
class SandboxParcelPage {

    /** One scan as the sandbox's page shows it: the carrier's own code and words, no merchant or customer data. */
    record Scan(Instant occurredAt, String code, String status, String message, String location) {
    }

    /**
     * @param awaitingDropOff   true for a return label the sandbox issued whose parcel has not been dropped off yet (no scans)
     * @param labelIssuedAt     when that return label was issued; else null
     * @param note              what the carrier says of it, in words: for a return label awaiting drop-off; else null
     * @param estimatedDelivery the day the sandbox expects to deliver, or null (arrived, going back, not dropped off)
     */
    record Parcel(String carrier, String trackingNumber, boolean awaitingDropOff, Instant labelIssuedAt, String note,
                  LocalDate estimatedDelivery, List<Scan> scans) {
    }

    private final TrackedCarriers carriers;
    private final CarrierCalls calls;

    SandboxParcelPage(TrackedCarriers carriers, CarrierCalls calls) {
        this.carriers = carriers;
        this.calls = calls;
    }

    /**
     * A parcel shop of the sandbox takes a return parcel in: it scans the return label (or the drop-off
     * QR code the customer shows), and the parcel starts its way to the warehouse. The demo's stand-in
     * for the customer walking to the shop; answers the parcel's page as it stands after. Any number
     * the sandbox did not issue as a return label is 404; handing it in again changes nothing.
     */
    @NotACommand("the sandbox carrier's own parcel-shop scan: the carrier's system, not this service's data (its store keeps the scan), and handing in twice changes nothing")
    @PostMapping(value = "/sandbox-carrier/parcels/{trackingNumber}/drop-off", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Parcel> dropOff(@PathVariable String trackingNumber) {
        TrackingKey key = new TrackingKey(SandboxCarrier.CODE, trackingNumber);
        return calls.call(() -> carriers.sandbox().dropOff(key))
                .onErrorMap(UnknownShipmentException.class, unknown -> ApiProblem.notFound("Sandbox return label", trackingNumber))
                .then(parcel(trackingNumber));
    }

    @GetMapping(value = "/sandbox-carrier/parcels/{trackingNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Parcel> parcel(@PathVariable String trackingNumber) {
        TrackingKey key = new TrackingKey(SandboxCarrier.CODE, trackingNumber);
        return calls.call(() -> carriers.sandbox().track(key))
                .map(history -> {
                    List<Scan> newestFirst = new ArrayList<>(history.events().stream().map(SandboxParcelPage::scan).toList());
                    Collections.reverse(newestFirst);
                    return new Parcel(SandboxCarrier.CODE, trackingNumber, false, null, null,
                            history.estimate().map(CarrierEstimate::deliveryDate).orElse(null), newestFirst);
                })
                .onErrorResume(UnknownShipmentException.class, unknown -> awaitingDropOff(key)
                        .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Sandbox parcel", trackingNumber))));
    }

    /** A return label the sandbox issued: its link and QR code lead here before the customer drops the parcel off. */
    private Mono<Parcel> awaitingDropOff(TrackingKey key) {
        return calls.call(() -> carriers.sandbox().awaitingDropOff(key))
                .flatMap(Mono::justOrEmpty)
                .map(issuedAt -> new Parcel(SandboxCarrier.CODE, key.trackingNumber(), true, issuedAt,
                        "Return label issued. The parcel has not been dropped off yet; its journey shows here from drop-off (POST .../drop-off plays the parcel shop's scan).", null, List.of()));
    }

    private static Scan scan(TrackingEvent event) {
        return new Scan(event.occurredAt(), event.carrierStatusCode(), event.status().wireName(), event.message(), event.location());
    }
}
