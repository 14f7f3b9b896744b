package io.stowage.carriers.sandbox;

import io.stowage.carriers.label.LabelRenderer;
import io.stowage.carriers.label.ReturnShippingLabel;
import io.stowage.carriers.label.ShippingLabel;
import io.stowage.carriers.ratecard.InMemoryTrackingNumberSequence;
import io.stowage.carriers.ratecard.TrackingNumberSequence;
import io.stowage.carriers.schedule.DeliveryEstimate;
import io.stowage.carriers.schedule.DeliverySchedule;
import io.stowage.carriers.spi.BillableWeight;
import io.stowage.carriers.spi.CancellationResult;
import io.stowage.carriers.spi.Carrier;
import io.stowage.carriers.spi.CarrierFutures;
import io.stowage.carriers.spi.CarrierService;
import io.stowage.carriers.spi.CreatedLabel;
import io.stowage.carriers.spi.DeliveryMode;
import io.stowage.carriers.spi.Dimensions;
import io.stowage.carriers.spi.DimensionalWeightRule;
import io.stowage.carriers.spi.LabelRequest;
import io.stowage.carriers.spi.MalformedCarrierResponseException;
import io.stowage.carriers.spi.Money;
import io.stowage.carriers.spi.NoEligibleServiceException;
import io.stowage.carriers.spi.RateQuote;
import io.stowage.carriers.spi.RateRequest;
import io.stowage.carriers.spi.ReturnLabel;
import io.stowage.carriers.spi.ReturnLabelRequest;
import io.stowage.carriers.spi.ServiceLimits;
import io.stowage.carriers.spi.ServiceSpeed;
import io.stowage.carriers.spi.ShipmentHandle;
import io.stowage.carriers.spi.TrackingKey;
import io.stowage.carriers.spi.UnknownDestinationException;
import io.stowage.carriers.spi.UnknownShipmentException;
import io.stowage.carriers.tracking.CarrierEstimate;
import io.stowage.carriers.tracking.PickupPointJson;
import io.stowage.carriers.tracking.StatusMapping;
import io.stowage.carriers.tracking.TrackingEvent;
import io.stowage.carriers.tracking.TrackingHistory;
import io.stowage.carriers.tracking.VerifiedWebhook;
import io.stowage.carriers.tracking.WebhookNotification;
import io.stowage.carriers.tracking.WebhookSignatureScheme;
import io.stowage.carriers.tracking.WebhookVerifier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.Random;
import java.util.Set;

/**
 * A carrier without a network behind it, so the whole system can be exercised end to end: its parcels
 * live in memory, or in a store its user gives it ({@link SandboxParcels}) so that several instances of
 * a service act on one another's labels as with a real carrier. It quotes, prints real labels, and moves each parcel through realistic scans over time
 * (pickup, hub, out for delivery, delivery; sometimes a failed attempt, a pickup point, a return),
 * visible by pulling tracking or as signed webhooks, duplicates included.
 */
public final class SandboxCarrier implements Carrier {

    public static final String CODE = "sandbox";
    static final WebhookSignatureScheme SIGNATURE = new WebhookSignatureScheme(
            "X-Sandbox-Signature", "sha256=", WebhookSignatureScheme.DigestEncoding.HEX);
    private static final ZoneId ZONE = ZoneId.of("Europe/Riga");
    private static final DimensionalWeightRule WEIGHT_RULE = new DimensionalWeightRule(5000, 100);

    private final SandboxSettings settings;
    private final Clock clock;
    private final LabelRenderer labels;
    private final Map<String, CarrierService> services = new LinkedHashMap<>();
    // A cancel or a return's delivery replaces a parcel whole, one change at a time in this process (see oneAtATime); a
    // webhook run only records how many scans it sent, while they are as it read them, so it never undoes another's change.
    private final SandboxParcels parcels;
    private CompletableFuture<?> lastChange = CompletableFuture.completedFuture(null);
    // Other carriers' parcels scripted for a demo (see script), by tracking key ("carrier:number"); never sent as webhooks.
    private final Map<String, SandboxParcel> scripted = new ConcurrentHashMap<>();
    private final TrackingNumberSequence serials;
    private final Random webhookRandom;
    private final WebhookVerifier signer;
    private final JsonMapper json = JsonMapper.builder().build();

    /** Tracking numbers counted in memory from 1: for tests and a single demo instance. */
    public SandboxCarrier(SandboxSettings settings, Clock clock, LabelRenderer labels) {
        this(settings, clock, labels, new InMemoryTrackingNumberSequence(1));
    }

    /**
     * @param serials where tracking numbers come from; a service running several instances hands out
     *                serials from its database, so no two instances print the same tracking number, and
     *                a label bought again with the serial it was given before prints the same one
     */
    public SandboxCarrier(SandboxSettings settings, Clock clock, LabelRenderer labels, TrackingNumberSequence serials) {
        this(settings, clock, labels, serials, new InMemorySandboxParcels());
    }

    /**
     * @param parcels where the sandbox keeps the parcels it labelled; instances of a service that share
     *                a store (its database) void and track each other's labels, as with a real carrier
     */
    public SandboxCarrier(SandboxSettings settings, Clock clock, LabelRenderer labels, TrackingNumberSequence serials,
                          SandboxParcels parcels) {
        this.parcels = parcels;
        this.serials = serials;
        this.settings = settings;
        this.clock = clock;
        this.labels = labels;
        this.webhookRandom = new Random(settings.seed());
        this.signer = new WebhookVerifier(CODE, SIGNATURE, settings.webhookSecret());
        Set<String> everywhere = Set.of(Locale.getISOCountries());
        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        Dimensions maxBox = new Dimensions(1200, 800, 800);
        add(new CarrierService(CODE, "standard", "Sandbox Standard", ServiceSpeed.STANDARD, DeliveryMode.DOOR, 1,
                LocalTime.of(16, 0), ZONE, weekdays, new ServiceLimits(30_000, maxBox, 3000, everywhere, true), 400));
        add(new CarrierService(CODE, "pickup", "Sandbox Pickup Point", ServiceSpeed.STANDARD, DeliveryMode.PICKUP_POINT, 1,
                LocalTime.of(16, 0), ZONE, weekdays, new ServiceLimits(20_000, new Dimensions(600, 400, 400), 0, everywhere, false), 200));
        add(new CarrierService(CODE, "express", "Sandbox Express", ServiceSpeed.EXPRESS, DeliveryMode.DOOR, 1,
                LocalTime.of(12, 0), ZONE, weekdays, new ServiceLimits(30_000, maxBox, 3000, everywhere, false), 900));
    }

    private void add(CarrierService service) {
        services.put(service.serviceCode(), service);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String displayName() {
        return "Sandbox Carrier";
    }

    @Override
    public List<CarrierService> services() {
        return List.copyOf(services.values());
    }

    @Override
    public CompletionStage<List<RateQuote>> quote(RateRequest request) {
        return CarrierFutures.attempt(() -> CompletableFuture.completedFuture(rates(request)));
    }

    private List<RateQuote> rates(RateRequest request) {
        if (!request.to().hasKnownCountry()) {
            throw new UnknownDestinationException("'" + request.to().country() + "' is not an ISO 3166-1 country code");
        }
        boolean domestic = request.from().country().equals(request.to().country());
        BillableWeight weight = WEIGHT_RULE.billableWeight(request.parcel());
        List<RateQuote> quotes = new ArrayList<>();
        for (CarrierService service : services.values()) {
            if (service.limits().rejectionReason(request.parcel(), request.to()).isPresent()) {
                continue;
            }
            long base = switch (service.serviceCode()) {
                case "express" -> 900;
                case "pickup" -> 300;
                default -> 350;
            };
            // Sixty cents per started kilogram after the first, doubled across a border.
            long cents = (base + 60L * ((weight.billableGrams() - 1) / 1000)) * (domestic ? 1 : 2);
            int transit = domestic ? 1 : (service.speed() == ServiceSpeed.EXPRESS ? 2 : 3);
            DeliveryEstimate estimate = DeliverySchedule.estimate(service, transit, request.readyAt());
            Money price = Money.of(cents, "EUR");
            quotes.add(new RateQuote(service, price, List.of(), price, weight, estimate.shipDate(), estimate.deliveryDate(),
                    transit, Optional.empty()));
        }
        return quotes;
    }

    /** Plans the parcel's journey and keeps it in the parcel store before the label is handed out. */
    @Override
    public CompletionStage<CreatedLabel> createLabel(LabelRequest request) {
        return CarrierFutures.attempt(() -> printLabel(request));
    }

    private CompletionStage<CreatedLabel> printLabel(LabelRequest request) {
        CarrierService service = services.get(request.serviceCode());
        if (service == null) {
            throw new NoEligibleServiceException("the sandbox has no service '" + request.serviceCode() + "'; it offers " + services.keySet());
        }
        RateQuote quote = rates(request.rateRequest()).stream()
                .filter(q -> q.service().equals(service)).findFirst()
                .orElseThrow(() -> new NoEligibleServiceException(service.name() + " cannot carry " + request.parcel() + ": "
                        + service.limits().rejectionReason(request.parcel(), request.to()).orElse("refused")));
        String trackingNumber = String.format("SBX%010d", serials.next(CODE));
        ShippingLabel label = new ShippingLabel(displayName(), service.name(), request.from(), request.to(),
                request.parcel().weightGrams(), trackingNumber,
                settings.trackingUrlTemplate().replace("{trackingNumber}", trackingNumber), request.sscc(),
                request.orderReference(), quote.shipDate());
        List<SandboxParcel.Scan> scans = SandboxJourney.plan(settings, trackingNumber, service.deliveryMode(), clock.instant(),
                request.from().city(), request.to().city(), ZONE);
        return labels.renderLater(label).thenCompose(documents -> parcels.add(new SandboxParcel(trackingNumber, scans, null, 0))
                .thenApply(kept -> new CreatedLabel(new TrackingKey(CODE, trackingNumber), trackingNumber, service, quote.total(), quote.transitDays(),
                        documents)));
    }

    /**
     * Scripts a journey, as for its own parcels, for a parcel of another carrier whose tracking cannot
     * be pulled (a rate card's carrier has no tracking API), so that a demo shows it moving:
     * {@link #track} then answers for that key, with that carrier's key on the events. No webhooks are
     * sent for it. The journey depends only on the seed, the tracking number and the label time, so
     * scripting a parcel again (after a restart) gives the same journey; a parcel already scripted is kept.
     */
    public void script(TrackingKey key, DeliveryMode mode, Instant labelledAt, String originCity, String destinationCity) {
        if (CODE.equals(key.carrierCode())) {
            throw new IllegalArgumentException("the sandbox's own parcels are planned when labelled, not scripted: " + key);
        }
        scripted.computeIfAbsent(key.toString(), ignored -> new SandboxParcel(key.trackingNumber(),
                SandboxJourney.plan(settings, key.trackingNumber(), mode, labelledAt, originCity, destinationCity, ZONE), null, 0));
    }

    /** True when {@link #track} knows the parcel: a sandbox label (kept in the parcel store), or a scripted parcel. */
    public CompletionStage<Boolean> knows(TrackingKey key) {
        return CODE.equals(key.carrierCode()) ? parcels.find(key.trackingNumber()).thenApply(Optional::isPresent)
                : CompletableFuture.completedFuture(scripted.containsKey(key.toString()));
    }

    /**
     * A return label on the standard service, priced as the parcel going the other way, with a
     * drop-off code (the sandbox, like many parcel-shop networks, takes returns without a printed
     * label). Return labels are paid when used, as at most carriers, so an unused one costs nothing
     * and the sandbox keeps no parcel for it until it would be dropped off; it records only that it
     * issued the label ({@link #awaitingDropOff}), so the label's tracking link answers.
     */
    @Override
    public CompletionStage<ReturnLabel> createReturnLabel(ReturnLabelRequest request) {
        return CarrierFutures.attempt(() -> printReturnLabel(request));
    }

    private CompletionStage<ReturnLabel> printReturnLabel(ReturnLabelRequest request) {
        CarrierService service = services.get("standard");
        RateQuote quote = rates(new RateRequest(request.from(), request.to(), request.parcel(), request.readyAt())).stream()
                .filter(q -> q.service().equals(service)).findFirst()
                .orElseThrow(() -> new NoEligibleServiceException(service.name() + " cannot carry " + request.parcel() + " back: "
                        + service.limits().rejectionReason(request.parcel(), request.to()).orElse("refused")));
        String trackingNumber = String.format("SBR%010d", serials.next(CODE));
        ReturnShippingLabel label = new ReturnShippingLabel(displayName(), service.name(), request.from(), request.to(),
                request.parcel().weightGrams(), trackingNumber, settings.trackingUrlTemplate().replace("{trackingNumber}", trackingNumber),
                request.rma(), request.orderReference(), quote.shipDate());
        Instant issuedAt = clock.instant();
        // Its tracking link and QR code are live from now: the sandbox's page says it awaits drop-off, not "unknown".
        return labels.renderLater(label).thenCompose(documents -> parcels.addReturnLabel(trackingNumber, issuedAt)
                .thenApply(recorded -> new ReturnLabel(new TrackingKey(CODE, trackingNumber), service, quote.total(), documents,
                        Optional.of("SBXDROP:" + trackingNumber + ":" + request.rma()))));
    }

    /**
     * When the sandbox issued this return label, for a return label of its own no parcel has been
     * dropped off with yet (the sandbox keeps none until then); empty for any other key, including
     * numbers it never issued.
     */
    public CompletionStage<Optional<Instant>> awaitingDropOff(TrackingKey key) {
        if (!CODE.equals(key.carrierCode())) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return parcels.find(key.trackingNumber()).thenCompose(parcel -> parcel.isPresent()
                ? CompletableFuture.completedFuture(Optional.<Instant>empty()) : parcels.returnLabelIssuedAt(key.trackingNumber()));
    }

    /**
     * A return parcel handed in at one of the sandbox's parcel shops (the shop scans its label or its
     * drop-off QR code): from now it moves like the sandbox's other parcels (handed in, sorted, on its
     * way to the warehouse, in {@link #track} and as webhooks) and waits there for the warehouse to
     * receive it ({@link #returnReceived}). Handing it in again changes nothing.
     *
     * @throws UnknownShipmentException (failing the stage) for any number the sandbox did not issue as a return label
     */
    public CompletionStage<Void> dropOff(TrackingKey key) {
        return oneAtATime(() -> returnLabelIssued(key).thenCompose(issued -> parcels.find(key.trackingNumber()).thenCompose(parcel -> {
            if (parcel.isPresent()) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            Instant now = clock.instant();
            return parcels.add(new SandboxParcel(key.trackingNumber(), SandboxJourney.planReturn(settings, now.isBefore(issued) ? issued : now),
                    null, 0));
        })));
    }

    /**
     * The warehouse received the return: for the carrier, the parcel is delivered now. One the
     * sandbox never saw handed in (the customer's drop-off was not played in the demo) is handed in and
     * delivered at once, as the carrier must have carried it. Received again, it stays as it was.
     *
     * @throws UnknownShipmentException (failing the stage) for any number the sandbox did not issue as a return label
     */
    public CompletionStage<Void> returnReceived(TrackingKey key) {
        return oneAtATime(() -> returnLabelIssued(key).thenCompose(issued -> parcels.find(key.trackingNumber())).thenCompose(found -> {
            Instant now = clock.instant();
            SandboxParcel parcel = found.orElseGet(() -> new SandboxParcel(key.trackingNumber(), SandboxJourney.planReturn(settings, now), null, 0));
            if (parcel.scans().stream().anyMatch(scan -> scan.code().equals(SandboxStatusCodes.DELIVERED))) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            List<SandboxParcel.Scan> scans = SandboxJourney.delivered(parcel.scans(), now);
            SandboxParcel delivered = new SandboxParcel(parcel.trackingNumber(), scans, null, Math.min(parcel.webhooksSent(), scans.size() - 1));
            CompletionStage<Void> kept = found.isPresent() ? CompletableFuture.completedFuture(null) : parcels.add(parcel);
            return kept.thenCompose(added -> parcels.replace(delivered));
        }));
    }

    private CompletionStage<Instant> returnLabelIssued(TrackingKey key) {
        CompletionStage<Optional<Instant>> issued = CODE.equals(key.carrierCode()) ? parcels.returnLabelIssuedAt(key.trackingNumber())
                : CompletableFuture.completedFuture(Optional.empty());
        return issued.thenApply(at -> at.orElseThrow(() -> new UnknownShipmentException("the sandbox issued no return label " + key)));
    }

    /** Cancels a parcel that has not been picked up yet; later the carrier refuses. */
    @Override
    public CompletionStage<CancellationResult> cancel(ShipmentHandle handle) {
        return oneAtATime(() -> find(handle.trackingKey()).thenCompose(shipment -> {
            Instant now = clock.instant();
            TrackingKey key = key(shipment);
            if (shipment.cancelledAt() != null) {
                return CompletableFuture.completedFuture(new CancellationResult(key, CancellationResult.Outcome.CANCELLED, "already cancelled"));
            }
            boolean pickedUp = shipment.scans().stream()
                    .anyMatch(scan -> scan.code().equals(SandboxStatusCodes.PICKED_UP) && !scan.at().isAfter(now));
            if (pickedUp) {
                return CompletableFuture.completedFuture(new CancellationResult(key, CancellationResult.Outcome.REJECTED,
                        "the parcel was picked up and is on its way"));
            }
            List<SandboxParcel.Scan> scans = List.of(shipment.scans().get(0),
                    new SandboxParcel.Scan(now, SandboxStatusCodes.CANCELLED, "Cancelled by shipper", ""));
            return parcels.replace(new SandboxParcel(shipment.trackingNumber(), scans, now, Math.min(shipment.webhooksSent(), scans.size())))
                    .thenApply(stored -> new CancellationResult(key, CancellationResult.Outcome.CANCELLED, "cancelled before pickup"));
        }));
    }

    /**
     * The scans already past, and the sandbox's estimate of delivery as of the latest of them (see
     * {@link SandboxJourney#estimate}); a scripted parcel gets one as the sandbox's own do.
     */
    @Override
    public CompletionStage<TrackingHistory> track(TrackingKey trackingKey) {
        CompletionStage<SandboxParcel> shipment = CODE.equals(trackingKey.carrierCode()) ? find(trackingKey)
                : Optional.ofNullable(scripted.get(trackingKey.toString())).map(CompletableFuture::completedFuture)
                        .orElseGet(() -> CompletableFuture.failedFuture(new UnknownShipmentException("the sandbox scripted no shipment " + trackingKey)));
        return shipment.thenApply(parcel -> history(trackingKey, parcel));
    }

    private TrackingHistory history(TrackingKey trackingKey, SandboxParcel shipment) {
        Instant now = clock.instant();
        List<SandboxParcel.Scan> past = shipment.scans().stream().filter(scan -> !scan.at().isAfter(now)).toList();
        Optional<CarrierEstimate> estimate = past.isEmpty() ? Optional.empty()
                : estimate(trackingKey, shipment.scans(), past.get(past.size() - 1).at());
        return new TrackingHistory(past.stream().map(scan -> toEvent(trackingKey, scan)).toList(), estimate);
    }

    private Optional<CarrierEstimate> estimate(TrackingKey key, List<SandboxParcel.Scan> scans, Instant asOf) {
        return SandboxJourney.estimate(settings, scans, asOf, ZONE).map(date -> new CarrierEstimate(key, date, asOf));
    }

    @Override
    public Optional<WebhookSignatureScheme> webhookSignatureScheme() {
        return Optional.of(SIGNATURE);
    }

    /**
     * The webhooks due since the last call (answered once the store has recorded them as sent), signed with the configured secret, oldest first. Some
     * are repeated, as carriers deliver at least once.
     */
    public CompletionStage<List<SandboxWebhook>> dueWebhooks() {
        return oneAtATime(() -> parcels.withUnsentScans().thenCompose(this::sendDue));
    }

    private CompletionStage<List<SandboxWebhook>> sendDue(List<SandboxParcel> unsent) {
        Instant now = clock.instant();
        List<SandboxWebhook> due = new ArrayList<>();
        CompletableFuture<Void> stored = CompletableFuture.completedFuture(null);
        for (SandboxParcel shipment : unsent) {
            List<SandboxParcel.Scan> scans = shipment.scans();
            int sent = shipment.webhooksSent();
            int before = sent;
            while (sent < scans.size() && !scans.get(sent).at().isAfter(now)) {
                SandboxWebhook webhook = sign(key(shipment), sent, scans.get(sent),
                        SandboxJourney.estimate(settings, scans, scans.get(sent).at(), ZONE));
                due.add(webhook);
                if (webhookRandom.nextDouble() < settings.duplicateWebhookRate()) {
                    due.add(webhook);
                }
                sent++;
            }
            if (sent != before) {
                SandboxParcel sentSoFar = new SandboxParcel(shipment.trackingNumber(), scans, shipment.cancelledAt(), sent);
                stored = stored.thenCompose(previous -> parcels.markWebhooksSent(sentSoFar));
            }
        }
        return stored.thenApply(all -> due);
    }

    /**
     * Runs changes to stored parcels one after another in this process, as a lock would around a
     * read and its write, without holding a thread while the store answers: a cancel and a webhook
     * run that read the same parcel would otherwise each write back their own copy, losing the other's.
     */
    private synchronized <T> CompletionStage<T> oneAtATime(Supplier<CompletionStage<T>> change) {
        CompletableFuture<T> next = lastChange.handle((done, failure) -> null)
                .thenCompose(previous -> CarrierFutures.attempt(change));
        lastChange = next;
        return next;
    }

    @Override
    public WebhookNotification parseWebhook(VerifiedWebhook webhook) {
        try {
            JsonNode body = json.readTree(webhook.body());
            String eventId = requiredText(body, "event_id");
            TrackingKey key = new TrackingKey(CODE, requiredText(body, "tracking_number"));
            JsonNode point = body.get("pickup_point");
            SandboxParcel.Scan scan = new SandboxParcel.Scan(Instant.parse(requiredText(body, "occurred_at")),
                    requiredText(body, "code"), body.path("message").asString(""), body.path("location").asString(""),
                    point == null || point.isNull() ? null : PickupPointJson.read(point));
            JsonNode estimated = body.path("estimated_delivery");
            List<CarrierEstimate> estimates = estimated.isString()
                    ? List.of(new CarrierEstimate(key, LocalDate.parse(estimated.asString()), scan.at())) : List.of();
            return new WebhookNotification(eventId, List.of(toEvent(key, scan)), estimates);
        } catch (JacksonException | DateTimeParseException | IllegalArgumentException e) {
            throw new MalformedCarrierResponseException("sandbox webhook is not the documented JSON: " + e.getMessage(), e);
        }
    }

    /** The webhook of one scan, with the sandbox's estimate of delivery as it stood then ({@code estimated_delivery}, when it has one). */
    private SandboxWebhook sign(TrackingKey key, int index, SandboxParcel.Scan scan, Optional<LocalDate> estimate) {
        ObjectNode body = json.createObjectNode();
        body.put("event_id", "evt_" + key.trackingNumber() + "_" + index);
        body.put("tracking_number", key.trackingNumber());
        body.put("code", scan.code());
        body.put("message", scan.message());
        body.put("location", scan.location());
        body.put("occurred_at", scan.at().toString());
        if (scan.pickupPoint() != null) {
            body.set("pickup_point", PickupPointJson.write(scan.pickupPoint()));
        }
        estimate.ifPresent(date -> body.put("estimated_delivery", date.toString()));
        byte[] bytes = json.writeValueAsBytes(body);
        return new SandboxWebhook(bytes, Map.of("Content-Type", List.of("application/json"),
                SIGNATURE.headerName(), List.of(signer.sign(bytes))));
    }

    private static TrackingEvent toEvent(TrackingKey key, SandboxParcel.Scan scan) {
        StatusMapping mapping = SandboxStatusCodes.TABLE.resolve(scan.code());
        return new TrackingEvent(key, scan.at(), mapping.status(), mapping.detail(), scan.code(), scan.message(), scan.location(),
                Optional.ofNullable(scan.pickupPoint()));
    }

    private CompletionStage<SandboxParcel> find(TrackingKey key) {
        CompletionStage<Optional<SandboxParcel>> found = CODE.equals(key.carrierCode()) ? parcels.find(key.trackingNumber())
                : CompletableFuture.completedFuture(Optional.empty());
        return found.thenApply(parcel -> parcel.orElseThrow(() -> new UnknownShipmentException("the sandbox has no shipment " + key)));
    }

    private static TrackingKey key(SandboxParcel parcel) {
        return new TrackingKey(CODE, parcel.trackingNumber());
    }

    private static String requiredText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new MalformedCarrierResponseException("sandbox webhook has no '" + field + "'");
        }
        return value.asString();
    }
}
