package io.stowage.carriers.easypost;

import io.stowage.carriers.Await;
import io.stowage.barcodes.gs1.Sscc;
import io.stowage.carriers.spi.CancellationResult;
import io.stowage.carriers.spi.CarrierApiException;
import io.stowage.carriers.spi.CarrierUnavailableException;
import io.stowage.carriers.spi.CreatedLabel;
import io.stowage.carriers.spi.IncompleteShipmentException;
import io.stowage.carriers.spi.LabelNotStoredException;
import io.stowage.carriers.spi.LabelRequest;
import io.stowage.carriers.spi.MalformedCarrierResponseException;
import io.stowage.carriers.spi.Money;
import io.stowage.carriers.spi.NoEligibleServiceException;
import io.stowage.carriers.spi.RateQuote;
import io.stowage.carriers.spi.RateRequest;
import io.stowage.carriers.spi.ShipmentHandle;
import io.stowage.carriers.spi.TrackingKey;
import io.stowage.carriers.tracking.InMemoryProcessedWebhookStore;
import io.stowage.carriers.tracking.TrackingStatus;
import io.stowage.carriers.tracking.TrackingWebhookReceiver;
import io.stowage.carriers.tracking.WebhookReceipt;
import io.stowage.carriers.tracking.WebhookSignatureScheme;
import io.stowage.carriers.tracking.WebhookVerificationException;
import io.stowage.carriers.tracking.WebhookVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.stowage.carriers.easypost.EasyPostMapperTest.FROM;
import static io.stowage.carriers.easypost.EasyPostMapperTest.PARCEL;
import static io.stowage.carriers.easypost.EasyPostMapperTest.THURSDAY_MORNING;
import static io.stowage.carriers.easypost.EasyPostMapperTest.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EasyPostCarrierTest {

    private static final String SHIPMENT = "/v2/shipments/shp_9f1c2a7d4e2b4b0f8a6d3c1e5b7a9d20";
    private static final String RATE_ID = "shp_9f1c2a7d4e2b4b0f8a6d3c1e5b7a9d20:rate_6c5b4a3f2e1d40c9b8a7f6e5d4c3b2a1";

    private static final byte[] POSTAGE_EXISTS = ("{\"error\":{\"code\":\"SHIPMENT.POSTAGE.EXISTS\","
            + "\"message\":\"Shipment already has postage.\",\"errors\":[]}}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] RATE_LIMITED = ("{\"error\":{\"code\":\"RATE_LIMITED\","
            + "\"message\":\"Too many requests\",\"errors\":[]}}").getBytes(StandardCharsets.UTF_8);

    private FakeEasyPost easyPost;
    private EasyPostCarrier carrier;

    @BeforeEach
    void start() throws IOException {
        easyPost = new FakeEasyPost();
        carrier = new EasyPostCarrier(easyPost.settings(Duration.ofMillis(800), 3));
    }

    @AfterEach
    void stop() {
        easyPost.close();
    }

    @Test
    void quotesByCreatingAShipmentWithTheApiKeyAsBasicAuth() {
        List<RateQuote> quotes = Await.result(carrier.quote(new RateRequest(FROM, TO, PARCEL, THURSDAY_MORNING)));

        assertThat(quotes).extracting(RateQuote::total).containsExactly(Money.of(2475, "EUR"), Money.of(1140, "EUR"));
        FakeEasyPost.Received request = easyPost.received().get(0);
        assertThat(request.path()).isEqualTo("/v2/shipments");
        assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((FakeEasyPost.API_KEY + ":").getBytes(StandardCharsets.UTF_8)));
        assertThat(JsonMapper.builder().build().readTree(request.body()).path("shipment").path("parcel").path("weight").asDouble())
                .isEqualTo(42.4);
    }

    @Test
    void buysTheQuotedRateAndKeepsTheLabelInThreeFormats() {
        CreatedLabel label = Await.result(carrier.createLabel(labelRequest("UPS/Standard", Optional.of(RATE_ID))));

        assertThat(label.trackingKey()).isEqualTo(new TrackingKey("easypost:UPS", "1Z999AA10123456784"));
        assertThat(label.carrierShipmentId()).isEqualTo("shp_9f1c2a7d4e2b4b0f8a6d3c1e5b7a9d20");
        assertThat(label.price()).isEqualTo(Money.of(1140, "EUR"));
        assertThat(label.transitDays()).as("the selected rate's est_delivery_days").isEqualTo(3);
        assertThat(label.service().transitDays()).as("the service of the bought rate, not a figure of its own").isEqualTo(3);
        assertThat(new String(label.documents().zpl(), StandardCharsets.UTF_8)).startsWith("^XA");
        assertThat(new String(label.documents().pdf(), StandardCharsets.UTF_8)).startsWith("%PDF");
        assertThat(label.documents().png()).startsWith((byte) 0x89, (byte) 'P');
        assertThat(new String(easyPost.received().get(0).body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"rate\":{\"id\":\"rate_6c5b4a3f2e1d40c9b8a7f6e5d4c3b2a1\"}}");
        assertThat(easyPost.count("POST /v2/shipments")).isZero();
    }

    @Test
    void withoutARateIdItShopsForTheNamedService() {
        CreatedLabel label = Await.result(carrier.createLabel(labelRequest("UPS/Standard", Optional.empty())));

        assertThat(label.service().qualifiedCode()).isEqualTo("easypost:UPS/Standard");
        assertThat(easyPost.count("POST /v2/shipments")).isEqualTo(1);
        assertThatThrownBy(() -> Await.result(carrier.createLabel(labelRequest("FedEx/Ground", Optional.empty()))))
                .isInstanceOf(NoEligibleServiceException.class).hasMessageContaining("UPS/Standard");
    }

    @Test
    void aParcelLeavingTheUnionIsQuotedWithItsDeclarationAndNeverWithout() {
        assertThatThrownBy(() -> Await.result(carrier.quote(new RateRequest(FROM, EasyPostMapperTest.NEW_YORK, PARCEL, THURSDAY_MORNING))))
                .isInstanceOf(IncompleteShipmentException.class);
        assertThat(easyPost.received()).isEmpty();

        Await.result(carrier.quote(new RateRequest(FROM, EasyPostMapperTest.NEW_YORK, PARCEL, THURSDAY_MORNING,
                Optional.of(EasyPostMapperTest.TOWELS_AND_A_BOOK))));

        var shipment = JsonMapper.builder().build().readTree(easyPost.received().get(0).body()).path("shipment");
        assertThat(shipment.path("customs_info").path("customs_items")).hasSize(2);
        assertThat(shipment.path("to_address").path("state").asString()).isEqualTo("NY");
    }

    @Test
    void retriesServiceTroubleAFewTimesThenSucceeds() {
        easyPost.queue("POST /v2/shipments", FakeEasyPost.Reply.of(503, "Service Unavailable".getBytes()),
                FakeEasyPost.Reply.of(502, "<html>Bad gateway</html>".getBytes()));

        assertThat(Await.result(carrier.quote(new RateRequest(FROM, TO, PARCEL, THURSDAY_MORNING)))).hasSize(2);
        assertThat(easyPost.count("POST /v2/shipments")).isEqualTo(3);
    }

    @Test
    void givesUpAfterTheBoundedAttemptsWithATypedError() {
        FakeEasyPost.Reply down = FakeEasyPost.Reply.of(503, "{\"error\":{\"code\":\"SERVICE.UNAVAILABLE\",\"message\":\"Try again\",\"errors\":[]}}".getBytes());
        easyPost.queue("POST /v2/shipments", down, down, down, down);
        // A timeout long enough that a loaded machine cannot turn an attempt into a timeout whose request the fake records late
        EasyPostCarrier patient = new EasyPostCarrier(easyPost.settings(Duration.ofSeconds(30), 3));

        assertThatThrownBy(() -> Await.result(patient.quote(new RateRequest(FROM, TO, PARCEL, THURSDAY_MORNING))))
                .isInstanceOfSatisfying(CarrierApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.isTransient()).isTrue();
                });
        assertThat(easyPost.count("POST /v2/shipments")).isEqualTo(3);
    }

    @Test
    void aRefusedRequestIsNotRetriedAndExplainsItself() {
        easyPost.queue("POST /v2/shipments", FakeEasyPost.Reply.of(422, Recorded.bytes("error-422.json")));

        assertThatThrownBy(() -> Await.result(carrier.quote(new RateRequest(FROM, TO, PARCEL, THURSDAY_MORNING))))
                .isInstanceOfSatisfying(CarrierApiException.class, e -> {
                    assertThat(e.carrierErrorCode()).isEqualTo("ADDRESS.VERIFY.FAILURE");
                    assertThat(e.fieldErrors()).contains("street1: House number is missing");
                });
        assertThat(easyPost.count("POST /v2/shipments")).isEqualTo(1);
    }

    @Test
    void aSilentServerTimesOutWithinTheBound() {
        FakeEasyPost.Reply slow = new FakeEasyPost.Reply(201, Recorded.bytes("shipment-response.json"), Duration.ofSeconds(3));
        easyPost.queue("POST /v2/shipments", slow, slow, slow);

        assertThatThrownBy(() -> Await.result(carrier.quote(new RateRequest(FROM, TO, PARCEL, THURSDAY_MORNING))))
                .isInstanceOf(CarrierUnavailableException.class)
                .hasMessageContaining("did not answer within 800 ms").hasMessageContaining("after 3 attempts");
    }

    @Test
    void garbageWithStatus200IsAMalformedResponse() {
        easyPost.queue("POST /v2/shipments", FakeEasyPost.Reply.of(200, "<html><body>maintenance</body></html>".getBytes()));

        assertThatThrownBy(() -> Await.result(carrier.quote(new RateRequest(FROM, TO, PARCEL, THURSDAY_MORNING))))
                .isInstanceOf(MalformedCarrierResponseException.class).hasMessageContaining("maintenance");
    }

    @Test
    void aTimedOutPurchaseIsReadBackInsteadOfBoughtTwice() {
        easyPost.queue("POST " + SHIPMENT + "/buy",
                new FakeEasyPost.Reply(200, Recorded.bytes("buy-response.json", easyPost.baseUrl()), Duration.ofSeconds(3)));

        CreatedLabel label = Await.result(carrier.createLabel(labelRequest("UPS/Standard", Optional.of(RATE_ID))));

        assertThat(label.trackingKey().trackingNumber()).isEqualTo("1Z999AA10123456784");
        assertThat(easyPost.count("POST " + SHIPMENT + "/buy")).isEqualTo(1);
        assertThat(easyPost.count("GET " + SHIPMENT)).isEqualTo(1);
    }

    @Test
    void aPurchaseRefusedAsAlreadyBoughtAfterA504ReturnsTheBoughtLabel() {
        easyPost.queue("POST " + SHIPMENT + "/buy",
                FakeEasyPost.Reply.of(504, "<html>504 Gateway Time-out</html>".getBytes()),
                FakeEasyPost.Reply.of(422, POSTAGE_EXISTS));

        CreatedLabel label = Await.result(carrier.createLabel(labelRequest("UPS/Standard", Optional.of(RATE_ID))));

        assertThat(label.trackingKey()).isEqualTo(new TrackingKey("easypost:UPS", "1Z999AA10123456784"));
        assertThat(label.documents().png()).startsWith((byte) 0x89, (byte) 'P');
        assertThat(easyPost.count("GET " + SHIPMENT)).isEqualTo(1);
        assertThat(easyPost.count("POST " + SHIPMENT + "/refund")).isZero();
    }

    @Test
    void aPurchaseAnsweredOnlyWithGatewayErrorsIsReadBackBeforeGivingUp() {
        FakeEasyPost.Reply gatewayTimeout = FakeEasyPost.Reply.of(504, "<html>504 Gateway Time-out</html>".getBytes());
        easyPost.queue("POST " + SHIPMENT + "/buy", gatewayTimeout, gatewayTimeout, gatewayTimeout);

        CreatedLabel label = Await.result(carrier.createLabel(labelRequest("UPS/Standard", Optional.of(RATE_ID))));

        assertThat(label.trackingKey().trackingNumber()).isEqualTo("1Z999AA10123456784");
        assertThat(easyPost.count("GET " + SHIPMENT)).isEqualTo(1);
    }

    @Test
    void aPurchaseThatFailedAndBoughtNothingStillFails() {
        easyPost.queue("POST " + SHIPMENT + "/buy", FakeEasyPost.Reply.of(422, POSTAGE_EXISTS));
        easyPost.queue("GET " + SHIPMENT, FakeEasyPost.Reply.of(200, Recorded.bytes("shipment-response.json")));

        assertThatThrownBy(() -> Await.result(carrier.createLabel(labelRequest("UPS/Standard", Optional.of(RATE_ID)))))
                .isInstanceOfSatisfying(CarrierApiException.class,
                        e -> assertThat(e.carrierErrorCode()).isEqualTo("SHIPMENT.POSTAGE.EXISTS"));
    }

    @Test
    void retryAfterAsAnHttpDateIsWaitedFor() {
        // The date has whole seconds: the retry must not come before it, however late the first answer was read
        ZonedDateTime retryAt = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        easyPost.queue("POST /v2/shipments", FakeEasyPost.Reply.of(429, RATE_LIMITED)
                .withHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAt)));

        assertThat(Await.result(carrier.quote(new RateRequest(FROM, TO, PARCEL, THURSDAY_MORNING)))).hasSize(2);

        List<FakeEasyPost.Received> attempts = easyPost.received();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).at()).isAfterOrEqualTo(retryAt.toInstant());
    }

    @Test
    void retryAfterInThePastOrMalformedFallsBackToTheBackoff() {
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(5));
        easyPost.queue("POST /v2/shipments",
                FakeEasyPost.Reply.of(429, RATE_LIMITED).withHeader("Retry-After", past),
                FakeEasyPost.Reply.of(429, RATE_LIMITED).withHeader("Retry-After", "soon"));

        assertThat(Await.result(carrier.quote(new RateRequest(FROM, TO, PARCEL, THURSDAY_MORNING)))).hasSize(2);

        List<FakeEasyPost.Received> attempts = easyPost.received();
        assertThat(attempts).hasSize(3);
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(2).at())).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aLabelThatCannotBeDownloadedIsRefundedNotLeftHalfCreated() {
        FakeEasyPost.Reply gone = FakeEasyPost.Reply.of(404, "<Error>NoSuchKey</Error>".getBytes());
        easyPost.queue("GET /files/postage_label/20261119/label.zpl", gone);

        assertThatThrownBy(() -> Await.result(carrier.createLabel(labelRequest("UPS/Standard", Optional.of(RATE_ID)))))
                .isInstanceOfSatisfying(LabelNotStoredException.class,
                        e -> assertThat(e.refund().outcome()).isEqualTo(CancellationResult.Outcome.REFUND_PENDING))
                .hasMessageContaining("could not be stored").hasMessageContaining("HTTP 404");
        assertThat(easyPost.count("POST " + SHIPMENT + "/refund")).isEqualTo(1);
    }

    @Test
    void cancelsByRequestingARefund() {
        CancellationResult result = Await.result(carrier.cancel(new ShipmentHandle(
                new TrackingKey("easypost:UPS", "1Z999AA10123456784"), "shp_9f1c2a7d4e2b4b0f8a6d3c1e5b7a9d20")));

        assertThat(result.outcome()).isEqualTo(CancellationResult.Outcome.REFUND_PENDING);
    }

    @Test
    void tracksThroughATrackerNamingTheRealCarrier() {
        assertThat(Await.result(carrier.track(new TrackingKey("easypost:UPS", "1Z999AA10123456784"))).events())
                .extracting(event -> event.status()).contains(TrackingStatus.OUT_FOR_DELIVERY);
        String body = new String(easyPost.received().get(0).body(), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("{\"tracker\":{\"tracking_code\":\"1Z999AA10123456784\",\"carrier\":\"UPS\"}}");
    }

    @Test
    void webhooksAreCheckedWithTheNormalisedSecretBeforeParsing() {
        byte[] secret = EasyPostCarrier.webhookSecret("s\u00e9cret");
        byte[] body = Recorded.bytes("webhook-tracker-updated.json");
        String signature = new WebhookVerifier("easypost", new WebhookSignatureScheme("X-Hmac-Signature", "hmac-sha256-hex=",
                WebhookSignatureScheme.DigestEncoding.HEX), secret).sign(body);
        TrackingWebhookReceiver receiver = new TrackingWebhookReceiver(carrier, secret, new InMemoryProcessedWebhookStore(100));

        WebhookReceipt first = Await.result(receiver.receive(body, Map.of("X-Hmac-Signature", List.of(signature))));
        WebhookReceipt again = Await.result(receiver.receive(body, Map.of("X-Hmac-Signature", List.of(signature))));

        assertThat(first.events()).hasSize(3);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.events()).isEmpty();
        assertThatThrownBy(() -> Await.result(receiver.receive("{\"id\":\"evt_x\"}".getBytes(StandardCharsets.UTF_8),
                Map.of("X-Hmac-Signature", List.of(signature))))).isInstanceOf(WebhookVerificationException.class);
    }

    private static LabelRequest labelRequest(String serviceCode, Optional<String> rateId) {
        return new LabelRequest("SO-1001", FROM, TO, PARCEL, serviceCode, Sscc.of("4750001", 0, 5), THURSDAY_MORNING, rateId);
    }
}
