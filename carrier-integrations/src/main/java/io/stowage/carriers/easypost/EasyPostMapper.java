package io.stowage.carriers.easypost;

import io.stowage.carriers.customs.CustomsBorder;
import io.stowage.carriers.customs.CustomsDeclaration;
import io.stowage.carriers.customs.CustomsItem;
import io.stowage.carriers.schedule.DeliveryEstimate;
import io.stowage.carriers.schedule.DeliverySchedule;
import io.stowage.carriers.spi.Address;
import io.stowage.carriers.spi.BillableWeight;
import io.stowage.carriers.spi.CancellationResult;
import io.stowage.carriers.spi.CarrierApiException;
import io.stowage.carriers.spi.CarrierService;
import io.stowage.carriers.spi.DeliveryMode;
import io.stowage.carriers.spi.Dimensions;
import io.stowage.carriers.spi.IncompleteShipmentException;
import io.stowage.carriers.spi.MalformedCarrierResponseException;
import io.stowage.carriers.spi.Money;
import io.stowage.carriers.spi.Parcel;
import io.stowage.carriers.spi.RateQuote;
import io.stowage.carriers.spi.ServiceLimits;
import io.stowage.carriers.spi.ServiceSpeed;
import io.stowage.carriers.spi.TrackingKey;
import io.stowage.carriers.tracking.CarrierEstimate;
import io.stowage.carriers.tracking.PickupPoint;
import io.stowage.carriers.tracking.TrackingStatus;
import io.stowage.carriers.tracking.StatusMapping;
import io.stowage.carriers.tracking.TrackingEvent;
import io.stowage.carriers.tracking.TrackingHistory;
import io.stowage.carriers.tracking.WebhookNotification;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Translates between this library's records and EasyPost's published JSON (API v2): requests to
 * build, responses and webhook events to read. No I/O here, so it is tested on recorded pairs.
 * EasyPost measures parcels in inches and ounces; both are rounded up to a tenth so the declared
 * parcel is never smaller than the real one.
 */
final class EasyPostMapper {

    static final String CARRIER_PREFIX = "easypost:";
    /** A rate that names no transit time is counted as a week of business days: late-looking too soon would warn customers wrongly. */
    static final int UNKNOWN_TRANSIT_DAYS = 5;
    private static final BigDecimal MM_PER_INCH = new BigDecimal("25.4");
    private static final BigDecimal GRAMS_PER_OUNCE = new BigDecimal("28.349523125");
    // EasyPost does not report service limits; these are the largest any of its major carriers take
    // (150 lb, 108 in longest side, 165 in length plus girth), and EasyPost refuses bigger parcels itself.
    private static final ServiceLimits AGGREGATOR_LIMITS_BASE = new ServiceLimits(68_038, new Dimensions(2743, 2743, 2743), 4191, Set.of(), true);

    private final JsonMapper json = JsonMapper.builder().build();
    private final LocalTime cutOff;
    private final ZoneId timeZone;

    EasyPostMapper(LocalTime cutOff, ZoneId timeZone) {
        this.cutOff = cutOff;
        this.timeZone = timeZone;
    }

    // ---- requests

    /**
     * A new shipment. A parcel crossing a customs border must carry its declaration, and addresses
     * in countries with states their state: both are refused here, before EasyPost is asked.
     */
    ObjectNode shipmentRequest(Address from, Address to, Parcel parcel, String reference, Optional<CustomsDeclaration> customs) {
        requireState(to, "recipient");
        requireState(from, "sender");
        if (customs.isEmpty() && CustomsBorder.requiresDeclaration(from, to)) {
            throw new IncompleteShipmentException("a parcel from " + from.country() + " to " + to.country()
                    + " crosses a customs border and needs a customs declaration");
        }
        ObjectNode root = json.createObjectNode();
        ObjectNode shipment = root.putObject("shipment");
        shipment.set("to_address", address(to));
        shipment.set("from_address", address(from));
        ObjectNode parcelNode = shipment.putObject("parcel");
        Dimensions dimensions = parcel.dimensions();
        parcelNode.put("length", inches(dimensions.lengthMm()));
        parcelNode.put("width", inches(dimensions.widthMm()));
        parcelNode.put("height", inches(dimensions.heightMm()));
        parcelNode.put("weight", ounces(parcel.weightGrams()));
        if (!reference.isEmpty()) {
            shipment.put("reference", reference);
        }
        shipment.putObject("options").put("label_format", "PNG");
        customs.ifPresent(declaration -> shipment.set("customs_info", customsInfo(declaration)));
        return root;
    }

    private static void requireState(Address address, String role) {
        if (address.lacksRequiredState()) {
            throw new IncompleteShipmentException("the " + role + "'s address in " + address.country()
                    + " has no state or province; carriers need it there");
        }
    }

    private ObjectNode customsInfo(CustomsDeclaration declaration) {
        ObjectNode info = json.createObjectNode();
        info.put("contents_type", declaration.contentsType().name().toLowerCase(Locale.ROOT));
        putIfPresent(info, "contents_explanation", declaration.contentsExplanation());
        info.put("customs_certify", true);
        info.put("customs_signer", declaration.signer());
        info.put("non_delivery_option", declaration.nonDelivery().name().toLowerCase(Locale.ROOT));
        info.put("restriction_type", "none");
        putIfPresent(info, "eel_pfc", declaration.eelPfc());
        var items = info.putArray("customs_items");
        for (CustomsItem item : declaration.items()) {
            ObjectNode line = items.addObject();
            line.put("description", item.description());
            line.put("quantity", item.quantity());
            int digits = Math.max(item.value().currency().getDefaultFractionDigits(), 0);
            line.put("value", BigDecimal.valueOf(item.value().minorUnits(), digits));
            line.put("currency", item.value().currency().getCurrencyCode());
            line.put("weight", ounces(item.weightGrams()));
            line.put("hs_tariff_number", item.hsTariffNumber());
            line.put("origin_country", item.originCountry());
            putIfPresent(line, "code", item.sku());
        }
        return info;
    }

    ObjectNode buyRequest(EasyPostRateId rateId) {
        ObjectNode root = json.createObjectNode();
        root.putObject("rate").put("id", rateId.rateId());
        return root;
    }

    ObjectNode trackerRequest(TrackingKey key) {
        ObjectNode root = json.createObjectNode();
        ObjectNode tracker = root.putObject("tracker");
        tracker.put("tracking_code", key.trackingNumber());
        tracker.put("carrier", upstreamCarrier(key));
        return root;
    }

    private ObjectNode address(Address address) {
        ObjectNode node = json.createObjectNode();
        node.put("name", address.name());
        putIfPresent(node, "company", address.company());
        node.put("street1", address.street1());
        putIfPresent(node, "street2", address.street2());
        node.put("city", address.city());
        putIfPresent(node, "state", address.state());
        node.put("zip", address.postalCode());
        node.put("country", address.country());
        putIfPresent(node, "phone", address.phone());
        putIfPresent(node, "email", address.email());
        return node;
    }

    static BigDecimal inches(int millimetres) {
        return BigDecimal.valueOf(millimetres).divide(MM_PER_INCH, 1, RoundingMode.CEILING);
    }

    static BigDecimal ounces(int grams) {
        return BigDecimal.valueOf(grams).divide(GRAMS_PER_OUNCE, 1, RoundingMode.CEILING);
    }

    // ---- responses

    JsonNode parse(byte[] body, String what) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new MalformedCarrierResponseException("EasyPost " + what + " answer is not a JSON object: " + preview(body));
            }
            return node;
        } catch (JacksonException e) {
            throw new MalformedCarrierResponseException("EasyPost " + what + " answer is not JSON: " + preview(body), e);
        }
    }

    /** The rates of a created shipment; quotes for the shipment's parcel as the caller described it. */
    List<RateQuote> rates(JsonNode shipment, Parcel parcel, Address to, Instant readyAt) {
        String shipmentId = requiredText(shipment, "id", "shipment");
        JsonNode rates = shipment.path("rates");
        if (!rates.isArray()) {
            throw new MalformedCarrierResponseException("EasyPost shipment " + shipmentId + " has no rates array");
        }
        List<RateQuote> quotes = new ArrayList<>();
        for (JsonNode rate : rates) {
            String carrier = requiredText(rate, "carrier", "rate");
            String service = requiredText(rate, "service", "rate");
            Money price = money(rate, "rate", "currency");
            int transitDays = transitDays(rate);
            CarrierService carrierService = service(carrier, service, to.country(), transitDays);
            DeliveryEstimate estimate = DeliverySchedule.estimate(carrierService, transitDays, readyAt);
            LocalDate delivery = date(text(rate, "delivery_date")).orElse(estimate.deliveryDate());
            // EasyPost bills the carrier's own dimensional weight; it does not report it, so only actual weight is known.
            BillableWeight weight = new BillableWeight(parcel.weightGrams(), 0, parcel.weightGrams());
            EasyPostRateId rateId = new EasyPostRateId(shipmentId, requiredText(rate, "id", "rate"));
            quotes.add(new RateQuote(carrierService, price, List.of(), price, weight, estimate.shipDate(), delivery,
                    transitDays, Optional.of(rateId.toString())));
        }
        return quotes;
    }

    /** What a bought shipment says: tracking code, the rate bought and the label's download links. */
    /** A bought label; {@code transitDays} are the selected rate's, as its quote counted them. */
    record Purchase(String shipmentId, String trackingCode, String carrier, String service, Money price, int transitDays, String pngUrl) {
    }

    /**
     * The business days in transit a rate counts on: the carrier's {@code delivery_days}, else EasyPost's own
     * {@code est_delivery_days}, else {@link #UNKNOWN_TRANSIT_DAYS}.
     */
    static int transitDays(JsonNode rate) {
        for (String field : List.of("delivery_days", "est_delivery_days")) {
            if (rate.path(field).isNumber() && rate.path(field).asInt() >= 0) {
                return rate.path(field).asInt();
            }
        }
        return UNKNOWN_TRANSIT_DAYS;
    }

    Purchase purchase(JsonNode shipment) {
        String shipmentId = requiredText(shipment, "id", "shipment");
        JsonNode selected = shipment.path("selected_rate");
        JsonNode label = shipment.path("postage_label");
        if (!selected.isObject() || !label.isObject()) {
            throw new MalformedCarrierResponseException("EasyPost shipment " + shipmentId + " was not bought: no selected_rate or postage_label");
        }
        return new Purchase(shipmentId, requiredText(shipment, "tracking_code", "shipment"),
                requiredText(selected, "carrier", "selected_rate"), requiredText(selected, "service", "selected_rate"),
                money(selected, "rate", "currency"), transitDays(selected), requiredText(label, "label_url", "postage_label"));
    }

    boolean isBought(JsonNode shipment) {
        return shipment.path("postage_label").isObject() && !text(shipment, "tracking_code").isEmpty();
    }

    /** The label link EasyPost adds after converting a bought label with {@code GET /shipments/:id/label}. */
    String convertedLabelUrl(JsonNode shipment, String fileFormat) {
        String field = "label_" + fileFormat.toLowerCase(Locale.ROOT) + "_url";
        return requiredText(shipment.path("postage_label"), field, "postage_label");
    }

    CancellationResult refund(JsonNode shipment, TrackingKey key) {
        String status = text(shipment, "refund_status");
        return switch (status) {
            case "refunded" -> new CancellationResult(key, CancellationResult.Outcome.CANCELLED, "refunded");
            case "submitted" -> new CancellationResult(key, CancellationResult.Outcome.REFUND_PENDING,
                    "refund submitted; the carrier settles it within days");
            case "rejected", "not_applicable" -> new CancellationResult(key, CancellationResult.Outcome.REJECTED,
                    "refund " + status.replace('_', ' '));
            default -> throw new MalformedCarrierResponseException("EasyPost refund answered refund_status '" + status + "'");
        };
    }

    /** A tracker: its events and the carrier's estimate of delivery. */
    TrackingHistory tracking(JsonNode tracker) {
        List<TrackingEvent> events = trackingEvents(tracker);
        return new TrackingHistory(events, estimate(tracker, trackerKey(tracker), events));
    }

    private static TrackingKey trackerKey(JsonNode tracker) {
        return new TrackingKey(CARRIER_PREFIX + requiredText(tracker, "carrier", "tracker"), requiredText(tracker, "tracking_code", "tracker"));
    }

    /**
     * The carrier's estimate on a tracker: {@code carrier_detail.est_delivery_date_local} (the day at the
     * destination) when the carrier gave it, else the date of {@code est_delivery_date} as written (EasyPost
     * writes the expected day as midnight UTC). Said as of the tracker's {@code updated_at}, or of its newest
     * event when that is missing. An estimate that cannot be read is left out rather than failing the events.
     */
    Optional<CarrierEstimate> estimate(JsonNode tracker, TrackingKey key, List<TrackingEvent> events) {
        Optional<LocalDate> day = localDate(text(tracker.path("carrier_detail"), "est_delivery_date_local"))
                .or(() -> date(text(tracker, "est_delivery_date")));
        Optional<Instant> reportedAt = optionalInstant(text(tracker, "updated_at"))
                .or(() -> events.stream().map(TrackingEvent::occurredAt).max(Instant::compareTo));
        return day.flatMap(date -> reportedAt.map(at -> new CarrierEstimate(key, date, at)));
    }

    List<TrackingEvent> trackingEvents(JsonNode tracker) {
        TrackingKey key = trackerKey(tracker);
        JsonNode details = tracker.path("tracking_details");
        if (!details.isArray()) {
            throw new MalformedCarrierResponseException("EasyPost tracker " + key + " has no tracking_details array");
        }
        List<TrackingEvent> events = new ArrayList<>();
        for (JsonNode detail : details) {
            String status = text(detail, "status");
            String statusDetail = text(detail, "status_detail");
            StatusMapping mapping = EasyPostStatuses.TABLE.resolve(status);
            String carrierCode = text(detail, "carrier_code");
            events.add(new TrackingEvent(key, instant(requiredText(detail, "datetime", "tracking detail")), mapping.status(),
                    statusDetail.isEmpty() ? mapping.detail() : statusDetail.replace('_', ' '),
                    carrierCode.isEmpty() ? status + (statusDetail.isEmpty() ? "" : "/" + statusDetail) : carrierCode,
                    text(detail, "message"), location(detail.path("tracking_location")),
                    mapping.status() == TrackingStatus.AVAILABLE_FOR_PICKUP ? pickupPoint(detail.path("tracking_location")) : Optional.empty()));
        }
        return events;
    }

    /**
     * Where an {@code available_for_pickup} parcel waits, as far as EasyPost tells it: its tracking details
     * carry only the scan's {@code tracking_location} (city, state, zip, country), never the point's name,
     * street, opening hours or how long it keeps the parcel. Nothing when the location is empty.
     */
    private static Optional<PickupPoint> pickupPoint(JsonNode location) {
        String city = text(location, "city");
        String state = text(location, "state");
        String zip = text(location, "zip");
        String country = text(location, "country");
        if (city.isEmpty() && zip.isEmpty()) {
            return Optional.empty();
        }
        String place = state.isEmpty() || city.isEmpty() ? city : city + ", " + state;
        return Optional.of(new PickupPoint("", "", List.of(), zip, place, country, Optional.empty(), Optional.empty()));
    }

    /** An Event posted to a webhook; only tracker events carry tracking, others are acknowledged empty. */
    WebhookNotification webhookEvent(JsonNode event) {
        String eventId = requiredText(event, "id", "event");
        String description = text(event, "description");
        JsonNode result = event.path("result");
        if (description.startsWith("tracker.") && result.isObject()) {
            TrackingHistory tracking = tracking(result);
            return new WebhookNotification(eventId, tracking.events(), tracking.estimate().stream().toList());
        }
        return new WebhookNotification(eventId, List.of());
    }

    /** Reads EasyPost's error object; anything else is reported with its HTTP status and a preview. */
    CarrierApiException error(int httpStatus, byte[] body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            if (error.isObject()) {
                List<String> fields = new ArrayList<>();
                for (JsonNode fieldError : error.path("errors")) {
                    fields.add(fieldError.isObject()
                            ? text(fieldError, "field") + ": " + text(fieldError, "message")
                            : fieldError.asString(""));
                }
                String code = text(error, "code");
                return new CarrierApiException("EasyPost refused the request (HTTP " + httpStatus + " " + code + "): "
                        + text(error, "message") + (fields.isEmpty() ? "" : " " + fields), httpStatus, code, fields);
            }
        } catch (JacksonException e) {
            // Not JSON: fall through to the raw preview below.
        }
        return new CarrierApiException("EasyPost answered HTTP " + httpStatus + ": " + preview(body), httpStatus, "", List.of());
    }

    // ---- helpers

    /**
     * The service a rate or a bought label names. EasyPost lists no services of its own, so its business days in
     * transit are the rate's: the service of one quote is that quote's, not a figure of its own that nobody measured.
     */
    CarrierService service(String carrier, String service, String country, int transitDays) {
        ServiceLimits limits = new ServiceLimits(AGGREGATOR_LIMITS_BASE.maxWeightGrams(), AGGREGATOR_LIMITS_BASE.maxDimensions(),
                AGGREGATOR_LIMITS_BASE.maxLengthPlusGirthMm(), Set.of(country), true);
        ServiceSpeed speed = speedOf(service);
        DeliveryMode mode = service.matches("(?i).*(pickup|locker|access ?point|parcelshop).*") ? DeliveryMode.PICKUP_POINT : DeliveryMode.DOOR;
        // No emission figures come from EasyPost; typical values by speed keep eco preferences meaningful.
        int co2 = switch (speed) {
            case EXPRESS -> 900;
            case STANDARD -> 450;
            case ECONOMY -> 300;
        };
        return new CarrierService(CARRIER_PREFIX + carrier, service, carrier + " " + service, speed, mode, transitDays, cutOff, timeZone,
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), limits, co2);
    }

    /** Reads the speed from the service name, since EasyPost reports none. */
    static ServiceSpeed speedOf(String service) {
        if (service.matches("(?i).*(express|overnight|next ?day|priority|1 ?day|2 ?day|saver ?a\\.?m).*")) {
            return ServiceSpeed.EXPRESS;
        }
        if (service.matches("(?i).*(economy|smartpost|parcel ?select|media ?mail|ground ?saver).*")) {
            return ServiceSpeed.ECONOMY;
        }
        return ServiceSpeed.STANDARD;
    }

    static String upstreamCarrier(TrackingKey key) {
        return key.carrierCode().startsWith(CARRIER_PREFIX) ? key.carrierCode().substring(CARRIER_PREFIX.length()) : key.carrierCode();
    }

    private static Money money(JsonNode node, String amountField, String currencyField) {
        String amount = text(node, amountField);
        String currency = text(node, currencyField);
        try {
            return Money.parse(amount, currency);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new MalformedCarrierResponseException("EasyPost amount '" + amount + "' in '" + currency + "' is not money", e);
        }
    }

    private static Optional<LocalDate> date(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> localDate(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> optionalInstant(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedCarrierResponseException("EasyPost time '" + text + "' is not ISO 8601", e);
        }
    }

    private static String location(JsonNode location) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("city", "state", "zip", "country")) {
            String part = text(location, field);
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join(", ", parts);
    }

    private static String requiredText(JsonNode node, String field, String what) {
        String value = text(node, field);
        if (value.isEmpty()) {
            throw new MalformedCarrierResponseException("EasyPost " + what + " has no '" + field + "'");
        }
        return value;
    }

    /** The field's text, or empty when it is missing or null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() || value.isNumber() || value.isBoolean() ? value.asString() : "";
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (!value.isEmpty()) {
            node.put(field, value);
        }
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "(empty body)" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    byte[] bytes(JsonNode node) {
        return json.writeValueAsBytes(node);
    }
}
