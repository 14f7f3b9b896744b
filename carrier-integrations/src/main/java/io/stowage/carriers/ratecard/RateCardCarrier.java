package io.stowage.carriers.ratecard;

import io.stowage.carriers.label.LabelRenderer;
import io.stowage.carriers.label.ReturnShippingLabel;
import io.stowage.carriers.label.ShippingLabel;
import io.stowage.carriers.schedule.DeliveryEstimate;
import io.stowage.carriers.schedule.DeliverySchedule;
import io.stowage.carriers.spi.BillableWeight;
import io.stowage.carriers.spi.CancellationResult;
import io.stowage.carriers.spi.Carrier;
import io.stowage.carriers.spi.CarrierFutures;
import io.stowage.carriers.spi.CarrierService;
import io.stowage.carriers.spi.CreatedLabel;
import io.stowage.carriers.spi.DeliveryMode;
import io.stowage.carriers.spi.DimensionalWeightRule;
import io.stowage.carriers.spi.Dimensions;
import io.stowage.carriers.spi.LabelRequest;
import io.stowage.carriers.spi.Money;
import io.stowage.carriers.spi.NoEligibleServiceException;
import io.stowage.carriers.spi.RateQuote;
import io.stowage.carriers.spi.RateRequest;
import io.stowage.carriers.spi.ReturnLabel;
import io.stowage.carriers.spi.ReturnLabelRequest;
import io.stowage.carriers.spi.ServiceLimits;
import io.stowage.carriers.spi.ShipmentHandle;
import io.stowage.carriers.spi.Surcharge;
import io.stowage.carriers.spi.TrackingKey;
import io.stowage.carriers.spi.UnknownDestinationException;
import io.stowage.carriers.spi.UnsupportedCarrierOperationException;
import io.stowage.carriers.tracking.TrackingHistory;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A carrier priced from a rate card: zones by country and postal prefix, weight breaks, the
 * carrier's dimensional divisor, fuel and remote-area surcharges. Labels are printed here with
 * tracking numbers from the carrier's allotted range; tracking needs the carrier's own API and is
 * not offered.
 */
public final class RateCardCarrier implements Carrier {

    private final RateCard card;
    private final Currency currency;
    private final ZoneResolver zones;
    private final DimensionalWeightRule weightRule;
    private final Map<String, CarrierService> services = new LinkedHashMap<>();
    private final TrackingNumberFormat trackingNumbers;
    private final TrackingNumberSequence sequence;
    private final LabelRenderer labels;

    public RateCardCarrier(RateCard card, TrackingNumberSequence sequence, LabelRenderer labels) {
        this.card = card;
        this.currency = Currency.getInstance(card.currency());
        this.zones = new ZoneResolver(card);
        this.weightRule = new DimensionalWeightRule(card.dimensionalWeight().divisorCm3PerKg(),
                card.dimensionalWeight().roundUpToGrams());
        this.trackingNumbers = new TrackingNumberFormat(card.carrier(), card.trackingNumbers());
        this.sequence = sequence;
        this.labels = labels;
        for (RateCard.Service service : card.services()) {
            services.put(service.code(), toCarrierService(service));
        }
    }

    /** The notice the card carries, e.g. that its prices are sample tariffs. */
    public String notice() {
        return card.notice();
    }

    @Override
    public String code() {
        return card.carrier();
    }

    @Override
    public String displayName() {
        return card.name();
    }

    @Override
    public List<CarrierService> services() {
        return List.copyOf(services.values());
    }

    @Override
    public OptionalInt dailyPickupCapacity() {
        return card.dailyPickupCapacity() == null ? OptionalInt.empty() : OptionalInt.of(card.dailyPickupCapacity());
    }

    /** Prices from the card alone, on the caller's thread: no call leaves the process. */
    @Override
    public CompletionStage<List<RateQuote>> quote(RateRequest request) {
        return CarrierFutures.attempt(() -> CompletableFuture.completedFuture(rates(request)));
    }

    private List<RateQuote> rates(RateRequest request) {
        if (!request.to().hasKnownCountry()) {
            throw new UnknownDestinationException("'" + request.to().country() + "' is not an ISO 3166-1 country code");
        }
        String zone = zones.zoneFor(request.to()).orElseThrow(() -> new UnknownDestinationException(
                card.name() + " does not deliver to " + request.to().country() + " " + request.to().postalCode()));
        if (!card.origins().contains(request.from().country())) {
            return List.of();
        }
        boolean remote = zones.isRemote(request.to());
        List<RateQuote> quotes = new ArrayList<>();
        for (RateCard.Service definition : card.services()) {
            CarrierService service = services.get(definition.code());
            List<RateCard.WeightBreak> breaks = definition.prices().get(zone);
            if (breaks == null || service.limits().rejectionReason(request.parcel(), request.to()).isPresent()) {
                continue;
            }
            BillableWeight weight = weightRule.billableWeight(request.parcel());
            Optional<RateCard.WeightBreak> weightBreak = breaks.stream()
                    .filter(b -> b.upToGrams() >= weight.billableGrams()).findFirst();
            if (weightBreak.isEmpty()) {
                continue;
            }
            quotes.add(price(service, definition.transitDays().get(zone), weightBreak.get(), weight, remote, request));
        }
        return quotes;
    }

    private RateQuote price(CarrierService service, int transitDays, RateCard.WeightBreak weightBreak,
                            BillableWeight weight, boolean remote, RateRequest request) {
        Money base = new Money(weightBreak.price(), currency);
        List<Surcharge> surcharges = new ArrayList<>();
        if (card.fuelSurchargeBasisPoints() > 0) {
            surcharges.add(new Surcharge("fuel", base.percentage(card.fuelSurchargeBasisPoints())));
        }
        if (remote && card.remoteAreaSurcharge() > 0) {
            surcharges.add(new Surcharge("remote_area", new Money(card.remoteAreaSurcharge(), currency)));
        }
        Money total = surcharges.stream().map(Surcharge::amount).reduce(base, Money::plus);
        DeliveryEstimate estimate = DeliverySchedule.estimate(service, transitDays, request.readyAt());
        return new RateQuote(service, base, surcharges, total, weight, estimate.shipDate(), estimate.deliveryDate(),
                transitDays, Optional.empty());
    }

    /**
     * Prices the parcel on the requested service, then prints the label. Nothing is allotted
     * (tracking number) before the price is known to exist, so a refused request leaves no trace.
     */
    @Override
    public CompletionStage<CreatedLabel> createLabel(LabelRequest request) {
        return CarrierFutures.attempt(() -> printLabel(request));
    }

    private CompletionStage<CreatedLabel> printLabel(LabelRequest request) {
        CarrierService service = services.get(request.serviceCode());
        if (service == null) {
            throw new NoEligibleServiceException(card.name() + " has no service '" + request.serviceCode()
                    + "'; it offers " + services.keySet());
        }
        RateRequest rateRequest = request.rateRequest();
        RateQuote quote = rates(rateRequest).stream()
                .filter(q -> q.service().serviceCode().equals(service.serviceCode()))
                .findFirst()
                .orElseThrow(() -> new NoEligibleServiceException(card.name() + " " + service.name()
                        + " cannot carry " + request.parcel() + " to " + request.to().country() + ": "
                        + service.limits().rejectionReason(request.parcel(), request.to()).orElse("over its heaviest weight break")));
        String trackingNumber = trackingNumbers.format(sequence.next(code()));
        ShippingLabel label = new ShippingLabel(card.name(), service.name(), request.from(), request.to(),
                request.parcel().weightGrams(), trackingNumber,
                card.trackingUrlTemplate().replace("{trackingNumber}", trackingNumber), request.sscc(),
                request.orderReference(), quote.shipDate());
        TrackingKey key = new TrackingKey(code(), trackingNumber);
        return labels.renderLater(label).thenApply(documents -> new CreatedLabel(key, trackingNumber, service, quote.total(),
                quote.transitDays(), documents));
    }

    /**
     * A return label printed like an outbound one, from the customer to the warehouse: on the
     * parcel's outbound service when it delivers to a door (the warehouse's), else on the cheapest
     * door service that carries it. Like every label printed from a rate card it is billed only once
     * scanned. A rate card knows of no label-free drop-off.
     */
    @Override
    public CompletionStage<ReturnLabel> createReturnLabel(ReturnLabelRequest request) {
        return CarrierFutures.attempt(() -> printReturnLabel(request));
    }

    private CompletionStage<ReturnLabel> printReturnLabel(ReturnLabelRequest request) {
        RateRequest rateRequest = new RateRequest(request.from(), request.to(), request.parcel(), request.readyAt());
        List<RateQuote> toDoor = rates(rateRequest).stream().filter(q -> q.service().deliveryMode() == DeliveryMode.DOOR).toList();
        RateQuote quote = toDoor.stream().filter(q -> q.service().serviceCode().equals(request.outboundServiceCode())).findFirst()
                .or(() -> toDoor.stream().min(java.util.Comparator.comparing(RateQuote::total)))
                .orElseThrow(() -> new NoEligibleServiceException(card.name() + " has no service that carries " + request.parcel()
                        + " back to " + request.to().country()));
        String trackingNumber = trackingNumbers.format(sequence.next(code()));
        ReturnShippingLabel label = new ReturnShippingLabel(card.name(), quote.service().name(), request.from(), request.to(),
                request.parcel().weightGrams(), trackingNumber, card.trackingUrlTemplate().replace("{trackingNumber}", trackingNumber),
                request.rma(), request.orderReference(), quote.shipDate());
        return labels.renderLater(label).thenApply(documents ->
                new ReturnLabel(new TrackingKey(code(), trackingNumber), quote.service(), quote.total(), documents, Optional.empty()));
    }

    /** Labels printed from a rate card are only billed once scanned, so voiding one needs no call. */
    @Override
    public CompletionStage<CancellationResult> cancel(ShipmentHandle shipment) {
        return CompletableFuture.completedFuture(new CancellationResult(shipment.trackingKey(), CancellationResult.Outcome.CANCELLED,
                "label voided; " + card.name() + " bills only parcels it has scanned"));
    }

    @Override
    public CompletionStage<TrackingHistory> track(TrackingKey trackingKey) {
        return CompletableFuture.failedFuture(new UnsupportedCarrierOperationException(
                card.name() + " is configured from a rate card and has no tracking API here"));
    }

    private CarrierService toCarrierService(RateCard.Service service) {
        Set<String> countries = new HashSet<>();
        for (RateCard.Zone zone : card.zones()) {
            if (service.prices().containsKey(zone.code())) {
                zone.destinations().forEach(destination -> countries.add(destination.country()));
            }
        }
        RateCard.Limits limits = service.limits();
        ServiceLimits serviceLimits = new ServiceLimits(limits.maxWeightGrams(),
                new Dimensions(limits.maxLengthMm(), limits.maxWidthMm(), limits.maxHeightMm()),
                limits.maxLengthPlusGirthMm(), countries, limits.acceptsPoBox());
        int fastest = service.transitDays().values().stream().mapToInt(Integer::intValue).min().orElse(0);
        return new CarrierService(card.carrier(), service.code(), service.name(), service.speed(), service.mode(),
                fastest, LocalTime.parse(service.cutOff()), ZoneId.of(card.timeZone()), new HashSet<>(service.pickupDays()),
                serviceLimits, service.co2GramsPerParcel());
    }
}
