package io.stowage.carriers.easypost;

import io.stowage.carriers.customs.CustomsDeclaration;
import io.stowage.carriers.customs.CustomsItem;
import io.stowage.carriers.spi.Address;
import io.stowage.carriers.spi.CancellationResult;
import io.stowage.carriers.spi.CarrierApiException;
import io.stowage.carriers.spi.IncompleteShipmentException;
import io.stowage.carriers.spi.MalformedCarrierResponseException;
import io.stowage.carriers.spi.Money;
import io.stowage.carriers.spi.Parcel;
import io.stowage.carriers.spi.RateQuote;
import io.stowage.carriers.spi.ServiceSpeed;
import io.stowage.carriers.spi.TrackingKey;
import io.stowage.carriers.tracking.CarrierEstimate;
import io.stowage.carriers.tracking.PickupPoint;
import io.stowage.carriers.tracking.TrackingEvent;
import io.stowage.carriers.tracking.TrackingHistory;
import io.stowage.carriers.tracking.TrackingStatus;
import io.stowage.carriers.tracking.WebhookNotification;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EasyPostMapperTest {

    static final Address FROM = new Address("Stowage Riga", "Stowage 3PL", "Krasta iela 52", "", "Riga", "LV-1003", "LV", "", "");
    static final Address TO = new Address("Jonas Jonaitis", "", "Gedimino pr. 1", "", "Vilnius", "01103", "LT", "+37060000000", "");
    static final Parcel PARCEL = Parcel.of(1_200, 300, 200, 100);
    static final Instant THURSDAY_MORNING = Instant.parse("2026-11-19T08:00:00Z");
    static final Address NEW_YORK = new Address("Jane Doe", "", "350 5th Ave", "", "New York", "NY", "10118", "US", "+12125550100", "");
    static final CustomsDeclaration TOWELS_AND_A_BOOK = new CustomsDeclaration(CustomsDeclaration.ContentsType.MERCHANDISE, "",
            CustomsDeclaration.NonDelivery.RETURN, "NOEEI 30.37(a)", "Anna Berzina", List.of(
            new CustomsItem("Linen tea towel", 3, Money.of(3600, "EUR"), 600, "6302.91", "LV", "TOWEL-LIN-01"),
            new CustomsItem("Rye bread cookbook", 1, Money.of(2450, "EUR"), 600, "490199", "LV", "")));

    private final EasyPostMapper mapper = new EasyPostMapper(LocalTime.of(16, 0), ZoneId.of("Europe/Riga"));
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void buildsTheShipmentRequestInInchesAndOunces() {
        byte[] request = mapper.bytes(mapper.shipmentRequest(FROM, TO, PARCEL, "SO-1001", Optional.empty()));

        assertThat(json.readTree(request)).isEqualTo(json.readTree(Recorded.bytes("create-shipment-request.json")));
        assertThat(EasyPostMapper.inches(254)).isEqualByComparingTo(new BigDecimal("10.0"));
        assertThat(EasyPostMapper.ounces(1)).isEqualByComparingTo(new BigDecimal("0.1"));
    }

    @Test
    void aParcelLeavingTheUnionCarriesItsCustomsDeclarationAndTheRecipientsState() {
        byte[] request = mapper.bytes(mapper.shipmentRequest(FROM, NEW_YORK, PARCEL, "SO-1002", Optional.of(TOWELS_AND_A_BOOK)));

        assertThat(json.readTree(request)).isEqualTo(json.readTree(Recorded.bytes("create-shipment-export-request.json")));
    }

    @Test
    void aParcelLeavingTheUnionWithoutADeclarationIsRefusedBeforeEasyPostIsAsked() {
        assertThatThrownBy(() -> mapper.shipmentRequest(FROM, NEW_YORK, PARCEL, "SO-1002", Optional.empty()))
                .isInstanceOf(IncompleteShipmentException.class).hasMessageContaining("LV to US").hasMessageContaining("customs");
        Address geneva = new Address("Luc Favre", "", "Rue du Rhône 1", "", "Genève", "1204", "CH", "", "");
        assertThatThrownBy(() -> mapper.shipmentRequest(FROM, geneva, PARCEL, "", Optional.empty()))
                .isInstanceOf(IncompleteShipmentException.class);
        Address lasPalmas = new Address("Ana Ruiz", "", "Calle Triana 1", "", "Las Palmas", "35002", "ES", "", "");
        assertThatThrownBy(() -> mapper.shipmentRequest(FROM, lasPalmas, PARCEL, "", Optional.empty()))
                .isInstanceOf(IncompleteShipmentException.class);
        assertThat(mapper.shipmentRequest(FROM, TO, PARCEL, "", Optional.empty()).path("shipment").has("customs_info")).isFalse();
    }

    @Test
    void aStateIsSentWhereverGivenAndRequiredWhereTheCountryHasThem() {
        Address withoutState = new Address("Jane Doe", "", "350 5th Ave", "", "New York", "10118", "US", "", "");
        assertThatThrownBy(() -> mapper.shipmentRequest(FROM, withoutState, PARCEL, "", Optional.of(TOWELS_AND_A_BOOK)))
                .isInstanceOf(IncompleteShipmentException.class).hasMessageContaining("state");
        Address toronto = new Address("Sam Lee", "", "100 Queen St W", "", "Toronto", "ON", "M5H 2N2", "CA", "", "");
        assertThat(mapper.shipmentRequest(FROM, toronto, PARCEL, "", Optional.of(TOWELS_AND_A_BOOK))
                .path("shipment").path("to_address").path("state").asString()).isEqualTo("ON");
        Address vilniusCounty = new Address("Jonas Jonaitis", "", "Gedimino pr. 1", "", "Vilnius", "Vilniaus apskritis", "01103", "LT", "", "");
        assertThat(mapper.shipmentRequest(FROM, vilniusCounty, PARCEL, "", Optional.empty())
                .path("shipment").path("to_address").path("state").asString()).isEqualTo("Vilniaus apskritis");
    }

    @Test
    void readsRatesWithTheirShipmentSoTheyCanBeBought() {
        List<RateQuote> quotes = mapper.rates(mapper.parse(Recorded.bytes("shipment-response.json"), "shipment"), PARCEL, TO, THURSDAY_MORNING);

        assertThat(quotes).hasSize(2);
        RateQuote dhl = quotes.get(0);
        assertThat(dhl.carrierCode()).isEqualTo("easypost:DHLExpress");
        assertThat(dhl.service().serviceCode()).isEqualTo("ExpressWorldwide");
        assertThat(dhl.service().speed()).isEqualTo(ServiceSpeed.EXPRESS);
        assertThat(dhl.total()).isEqualTo(Money.of(2475, "EUR"));
        assertThat(dhl.estimatedDelivery()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(dhl.rateId()).contains("shp_9f1c2a7d4e2b4b0f8a6d3c1e5b7a9d20:rate_1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6");
        RateQuote ups = quotes.get(1);
        assertThat(ups.service().speed()).isEqualTo(ServiceSpeed.STANDARD);
        // No delivery date: three business days from Thursday's ship date.
        assertThat(ups.estimatedDelivery()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(ups.service().transitDays()).as("the rate's own days, not a figure of the service's").isEqualTo(ups.transitDays()).isEqualTo(3);
        assertThat(EasyPostCarrier.serviceCode(ups)).isEqualTo("UPS/Standard");
    }

    @Test
    void readsTheBoughtLabel() {
        EasyPostMapper.Purchase purchase = mapper.purchase(mapper.parse(Recorded.bytes("buy-response.json", "http://h"), "buy"));

        assertThat(purchase.trackingCode()).isEqualTo("1Z999AA10123456784");
        assertThat(purchase.carrier()).isEqualTo("UPS");
        assertThat(purchase.price()).isEqualTo(Money.of(1140, "EUR"));
        assertThat(purchase.pngUrl()).isEqualTo("http://h/files/postage_label/20261119/label.png");
        assertThat(mapper.convertedLabelUrl(mapper.parse(Recorded.bytes("label-zpl-response.json", "http://h"), "label"), "ZPL"))
                .endsWith("label.zpl");
    }

    @Test
    void mapsTrackingDetailsKeepingTheCarriersCode() {
        List<TrackingEvent> events = mapper.trackingEvents(mapper.parse(Recorded.bytes("tracker-response.json"), "tracker"));

        TrackingKey key = new TrackingKey("easypost:UPS", "1Z999AA10123456784");
        assertThat(events).extracting(TrackingEvent::status).containsExactly(TrackingStatus.PRE_TRANSIT,
                TrackingStatus.IN_TRANSIT, TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.UNKNOWN);
        assertThat(events).allSatisfy(event -> assertThat(event.trackingKey()).isEqualTo(key));
        TrackingEvent arrived = events.get(1);
        assertThat(arrived.occurredAt()).isEqualTo(Instant.parse("2026-11-19T19:40:00Z"));
        assertThat(arrived.detail()).isEqualTo("arrived at facility");
        assertThat(arrived.carrierStatusCode()).isEqualTo("AR");
        assertThat(arrived.location()).isEqualTo("Vilnius, LT");
        assertThat(events.get(2).carrierStatusCode()).isEqualTo("out_for_delivery/out_for_delivery");
        assertThat(events.get(3).carrierStatusCode()).isEqualTo("X1");
    }

    /** EasyPost names no pickup point: an available_for_pickup scan gives only its tracking_location's place. */
    @Test
    void aParcelAvailableForPickupIsAtThePlaceOfItsScanWithNoNameStreetOrHours() {
        String tracker = "{\"tracking_code\":\"9400\",\"carrier\":\"USPS\",\"tracking_details\":["
                + "{\"status\":\"in_transit\",\"datetime\":\"2026-11-20T07:10:00Z\",\"tracking_location\":{\"city\":\"BROOKLYN\",\"state\":\"NY\",\"zip\":\"11201\",\"country\":\"US\"}},"
                + "{\"status\":\"available_for_pickup\",\"datetime\":\"2026-11-21T09:00:00Z\",\"tracking_location\":{\"city\":\"BROOKLYN\",\"state\":\"NY\",\"zip\":\"11201\",\"country\":\"US\"}},"
                + "{\"status\":\"available_for_pickup\",\"datetime\":\"2026-11-22T09:00:00Z\",\"tracking_location\":{}}]}";

        List<TrackingEvent> events = mapper.trackingEvents(json.readTree(tracker));

        assertThat(events.get(0).pickupPoint()).as("not at a pickup point").isEmpty();
        assertThat(events.get(1).pickupPoint()).contains(new PickupPoint("", "", List.of(), "11201", "BROOKLYN, NY", "US",
                Optional.empty(), Optional.empty()));
        assertThat(events.get(2).pickupPoint()).as("no place given").isEmpty();
    }

    @Test
    void readsTheCarriersEstimateAsOfTheTrackersLastUpdate() {
        TrackingHistory tracking = mapper.tracking(mapper.parse(Recorded.bytes("tracker-response.json"), "tracker"));

        assertThat(tracking.events()).hasSize(4);
        assertThat(tracking.estimate()).contains(new CarrierEstimate(new TrackingKey("easypost:UPS", "1Z999AA10123456784"),
                LocalDate.parse("2026-11-20"), Instant.parse("2026-11-20T07:10:00Z")));
    }

    /** EasyPost writes est_delivery_date as midnight UTC; the carrier's own local day, when given, is the day at the destination. */
    @Test
    void prefersTheCarriersLocalEstimatedDayToTheUtcTimestamp() {
        TrackingHistory tracking = mapper.tracking(mapper.parse(Recorded.bytes("tracker-with-carrier-detail.json"), "tracker"));

        assertThat(tracking.estimate()).contains(new CarrierEstimate(new TrackingKey("easypost:FedEx", "794644790138"),
                LocalDate.parse("2026-11-23"), Instant.parse("2026-11-21T09:12:40Z")));
    }

    @Test
    void aTrackerWithoutAnEstimateOrWithAnUnreadableOneGivesNoneAndKeepsItsEvents() {
        String tracker = "{\"tracking_code\":\"1Z\",\"carrier\":\"UPS\",\"est_delivery_date\":%s,\"carrier_detail\":%s,"
                + "\"tracking_details\":[{\"status\":\"in_transit\",\"datetime\":\"2026-11-20T07:10:00Z\"}]}";

        assertThat(mapper.tracking(json.readTree(tracker.formatted("null", "null"))).estimate()).isEmpty();
        TrackingHistory unreadable = mapper.tracking(json.readTree(tracker.formatted("\"soon\"", "{\"est_delivery_date_local\":\"next week\"}")));
        assertThat(unreadable.estimate()).isEmpty();
        assertThat(unreadable.events()).hasSize(1);
        // Without updated_at the estimate is as of the newest event.
        assertThat(mapper.tracking(json.readTree(tracker.formatted("\"2026-11-22T00:00:00Z\"", "null"))).estimate())
                .map(CarrierEstimate::reportedAt).contains(Instant.parse("2026-11-20T07:10:00Z"));
    }

    @Test
    void readsTrackerWebhookEvents() {
        WebhookNotification notification = mapper.webhookEvent(mapper.parse(Recorded.bytes("webhook-tracker-updated.json"), "event"));

        assertThat(notification.eventId()).isEqualTo("evt_7d1e9c2b3a4f4e5d");
        assertThat(notification.events()).hasSize(3).last().extracting(TrackingEvent::status).isEqualTo(TrackingStatus.OUT_FOR_DELIVERY);
        assertThat(notification.estimates()).containsExactly(new CarrierEstimate(new TrackingKey("easypost:UPS", "1Z999AA10123456784"),
                LocalDate.parse("2026-11-20"), Instant.parse("2026-11-20T07:10:00Z")));
        WebhookNotification other = mapper.webhookEvent(json.readTree("{\"id\":\"evt_2\",\"description\":\"batch.updated\",\"result\":{}}"));
        assertThat(other.events()).isEmpty();
        assertThat(other.estimates()).isEmpty();
    }

    @Test
    void readsRefundStatuses() {
        TrackingKey key = new TrackingKey("easypost:UPS", "1Z");
        assertThat(mapper.refund(mapper.parse(Recorded.bytes("refund-response.json"), "refund"), key).outcome())
                .isEqualTo(CancellationResult.Outcome.REFUND_PENDING);
        assertThat(mapper.refund(json.readTree("{\"refund_status\":\"not_applicable\"}"), key).outcome())
                .isEqualTo(CancellationResult.Outcome.REJECTED);
    }

    @Test
    void turnsEasyPostErrorsIntoTypedErrors() {
        CarrierApiException error = mapper.error(422, Recorded.bytes("error-422.json"));

        assertThat(error.httpStatus()).isEqualTo(422);
        assertThat(error.carrierErrorCode()).isEqualTo("ADDRESS.VERIFY.FAILURE");
        assertThat(error.fieldErrors()).containsExactly("street1: House number is missing", "zip is not valid for country");
        assertThat(error.getMessage()).contains("Unable to verify address.");
        assertThat(error.isTransient()).isFalse();
        CarrierApiException html = mapper.error(502, "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.getMessage()).contains("HTTP 502", "Bad gateway");
        assertThat(html.isTransient()).isTrue();
    }

    @Test
    void garbageIsAMalformedResponse() {
        assertThatThrownBy(() -> mapper.parse("<html>".getBytes(StandardCharsets.UTF_8), "shipment"))
                .isInstanceOf(MalformedCarrierResponseException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> mapper.rates(json.readTree("{\"id\":\"shp_1\",\"rates\":[{\"carrier\":\"UPS\",\"service\":\"Standard\",\"rate\":\"abc\",\"currency\":\"EUR\",\"id\":\"rate_1\"}]}"),
                PARCEL, TO, THURSDAY_MORNING)).isInstanceOf(MalformedCarrierResponseException.class).hasMessageContaining("'abc'");
        assertThatThrownBy(() -> mapper.rates(json.readTree("{\"id\":\"shp_1\"}"), PARCEL, TO, THURSDAY_MORNING))
                .isInstanceOf(MalformedCarrierResponseException.class).hasMessageContaining("no rates");
    }
}
