package io.stowage.api.trackpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import io.stowage.api.support.ParcelNews;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The public tracking page and its JSON over HTTP: what anyone with the link sees, what only the
 * order's e-mail address or postal code opens, unknown links, languages and the rate limits. Each test
 * speaks as its own client (a random X-Forwarded-For from the local proxy), so limits do not leak
 * between tests.
 */
class TrackPageTest extends ApiTest {

    private static ShippedOrder shared;

    @Autowired
    TrackingTokens trackingTokens;

    WebTestClient visitor;

    @BeforeEach
    void visitorAndOrder() {
        visitor = asClient(randomClient());
        synchronized (TrackPageTest.class) {
            if (shared == null) {
                shared = ShippedOrder.create(this, trackingTokens);
            }
        }
    }

    private WebTestClient asClient(String address) {
        return web.mutate().defaultHeader("X-Forwarded-For", address).build();
    }

    private static String randomClient() {
        return "198.51.100." + (1 + Math.abs(UUID.randomUUID().hashCode() % 250)) + "-" + UUID.randomUUID();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonShowsTheParcelAndTheCityToAnyoneWithTheLinkAndNothingPrivate() {
        EntityExchangeResult<String> result = visitor.get().uri("/track/{token}.json", shared.tokens.get(0)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(String.class).returnResult();
        String body = result.getResponseBody();
        assertThat(body).doesNotContain(ShippedOrder.STREET, ShippedOrder.NAME, ShippedOrder.POSTAL_CODE, "example.com", shared.orderNumber,
                "TEE-M-NAVY", shared.orderId, shared.shipmentIds.get(0));
        Map<String, Object> page = visitor.get().uri("/track/{token}.json", shared.tokens.get(0)).exchange()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(page.get("status")).as("the sandbox's scripted journey may have picked it up").isIn("label_created", "in_transit");
        assertThat(page.get("unlocked")).isEqualTo(false);
        assertThat(page).doesNotContainKeys("recipient", "order");
        assertThat(page.get("merchant")).isEqualTo(Map.of("name", ShippedOrder.BRAND, "colour", ShippedOrder.BRAND_COLOUR));
        assertThat(page.get("destination")).isEqualTo(Map.of("city", "Vilnius", "country", "LT"));
        assertThat(page.get("parcel")).isEqualTo(Map.of("number", 1, "of", 2));
        assertThat((List<Map<String, Object>>) page.get("other_parcels"))
                .containsExactly(Map.of("number", 2, "url", "/track/" + shared.tokens.get(1)));
        Map<String, Object> carrier = (Map<String, Object>) page.get("carrier");
        Map<String, Object> shipment = shared.floor.world.merchant(this).get().uri("/api/v1/shipments/{id}", shared.shipmentIds.get(0)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(carrier.get("code")).isEqualTo(shipment.get("carrier"));
        assertThat(carrier.get("tracking_number")).isEqualTo(shipment.get("tracking_number"));
        assertThat((String) carrier.get("tracking_number")).isNotBlank();
        assertThat(page.get("time_zone")).isEqualTo("Europe/Vilnius");
        assertThat(page.get("return_url")).as("not delivered yet").isNull();

        Map<String, Object> second = visitor.get().uri("/track/{token}.json", shared.tokens.get(1)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(second.get("parcel")).isEqualTo(Map.of("number", 2, "of", 2));
        assertThat((List<Map<String, Object>>) second.get("other_parcels"))
                .containsExactly(Map.of("number", 1, "url", "/track/" + shared.tokens.get(0)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOrdersEmailOrPostalCodeOpensTheRecipientAndTheLinesAndAnythingElseIsRefused() {
        visitor.post().uri("/track/{token}.json", shared.tokens.get(0)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "someone.else@example.com")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/tracking-answer-mismatch")
                .jsonPath("$.recipient").doesNotExist();
        visitor.post().uri("/track/{token}.json", shared.tokens.get(0)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", ShippedOrder.POSTAL_CODE)).exchange()
                .expectStatus().isForbidden();
        visitor.post().uri("/track/{token}.json", shared.tokens.get(0)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/invalid-request");

        for (Map<String, String> answer : List.of(Map.of("email", " ona.petraityte@EXAMPLE.com "), Map.of("postal_code", "LT-01103"),
                Map.of("postal_code", "01103"))) {
            Map<String, Object> page = visitor.post().uri("/track/{token}.json", shared.tokens.get(0)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(answer).exchange()
                    .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(page.get("unlocked")).as("%s", answer).isEqualTo(true);
            assertThat(page.get("recipient")).isEqualTo(Map.of("name", ShippedOrder.NAME, "address_line", ShippedOrder.STREET,
                    "postal_code", ShippedOrder.POSTAL_CODE, "city", "Vilnius", "country", "LT"));
            Map<String, Object> order = (Map<String, Object>) page.get("order");
            assertThat(order.get("number")).isEqualTo(shared.orderNumber);
            assertThat((List<Map<String, Object>>) order.get("lines")).extracting(line -> line.get("sku") + " x" + line.get("quantity"))
                    .containsExactly("TEE-M-NAVY x1", "TEE-L-NAVY x1");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aParcelInTroubleSaysWhatKindInTheVisitorsLanguageAndWhatToDo() {
        ShippedOrder order = shared.another(this, trackingTokens);
        String token = order.tokens.get(0);
        ParcelNews news = new ParcelNews(this, trackingNumber(token));
        Instant atHub = news.scan("ARRIVED_AT_HUB", "Arrived at sorting hub", "Vilnius hub");
        Instant problem = news.scan("ADDRESS_NOT_FOUND", "Address could not be found", "Vilnius hub");

        Map<String, Object> page = Eventually.until(() -> json(token), read -> read.get("flag") != null);
        assertThat(page.get("status")).isEqualTo("exception");
        Map<String, Object> flag = (Map<String, Object>) page.get("flag");
        assertThat(flag.get("kind")).isEqualTo("exception");
        assertThat(flag.get("reason_code")).isEqualTo("address");
        assertThat((String) flag.get("reason")).as("tracking's words, for the store's own page").containsIgnoringCase("address");
        List<Map<String, Object>> events = (List<Map<String, Object>>) page.get("events");
        assertThat(events).extracting(event -> event.get("occurred_at")).as("newest first").startsWith(problem.toString(), atHub.toString());
        assertThat(events.get(0)).containsEntry("description", "Address could not be found").containsEntry("location", "Vilnius hub");
        assertThat(page.get("return_url")).as("not delivered").isNull();

        String lithuanian = page(visitor.get().uri("/track/{token}?lang=lt", token));
        String flagBox = between(lithuanian, "<div class=\"flag", "</div>");
        assertThat(flagBox).contains("role=\"alert\"", "Pristatymo problema:", "vežėjui kilo problema su adresu.", "Patikrinkite adresą")
                .as("tracking's English stays out of a Lithuanian sentence").doesNotContainIgnoringCase("address");
        assertThat(lithuanian).contains("<time datetime=\"" + problem + "\">" + localTime(problem, "lt") + "</time>")
                .as("newest first").containsSubsequence(problem.toString(), atHub.toString());
        assertThat(between(page(visitor.get().uri("/track/{token}?lang=uk", token)), "<div class=\"flag", "</div>"))
                .contains("Проблема з доставкою:", "у перевізника проблема з адресою.");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aParcelAtAPickupPointShowsWhereAndUntilWhenAndOnceCollectedTheReturnLink() {
        ShippedOrder order = shared.another(this, trackingTokens);
        String token = order.tokens.get(1);
        ParcelNews news = new ParcelNews(this, trackingNumber(token));
        news.scan("ARRIVED_AT_HUB", "Arrived at sorting hub", "Vilnius hub");
        Map<String, Object> onItsWay = Eventually.until(() -> json(token), read -> "in_transit".equals(read.get("status")));
        Map<String, Object> eta = (Map<String, Object>) onItsWay.get("eta");
        if (eta != null) {
            assertThat(eta.get("basis")).isIn("carrier", "lane_history", "transit_days");
            assertThat(page(asClient(randomClient()).get().uri("/track/{token}?lang=lv", token))).contains(etaBasisWords((String) eta.get("basis")));
        }
        Instant waiting = news.scan("AT_PICKUP_POINT", "Ready for collection", "Vilnius pickup point");
        Map<String, Object> atPoint = Eventually.until(() -> json(token), read -> "available_for_pickup".equals(read.get("status")));
        Map<String, Object> point = (Map<String, Object>) atPoint.get("pickup_point");
        assertThat(point.get("name")).isEqualTo("Vilnius pickup point");
        LocalDate collectBy = LocalDate.parse((String) point.get("collect_by"));
        assertThat(collectBy).isAfter(waiting.atZone(ZoneOffset.UTC).toLocalDate());
        String slovenian = page(visitor.get().uri("/track/{token}?lang=sl", token));
        assertThat(between(slovenian, "class=\"pickup-point\"", "</section>"))
                .contains("Vilnius pickup point", DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(Locale.forLanguageTag("sl")).format(collectBy));
        assertThat(slovenian).doesNotContain("/return\"");

        news.scan("COLLECTED", "Collected by recipient", "Vilnius pickup point");
        Map<String, Object> delivered = Eventually.until(() -> json(token), read -> "delivered".equals(read.get("status")));
        assertThat(delivered.get("return_url")).isEqualTo("/track/" + token + "/return");
        assertThat(delivered.get("eta")).as("nothing left to estimate").isNull();
        assertThat(delivered.get("pickup_point")).isNull();
        assertThat((List<Map<String, Object>>) delivered.get("events")).extracting(event -> event.get("status"))
                .startsWith("delivered", "available_for_pickup", "in_transit");
        String english = page(visitor.get().uri("/track/{token}?lang=en", token));
        assertThat(english).contains("href=\"/track/" + token + "/return\"", ">Return an item</a>");
        assertThat(json(order.tokens.get(0)).get("return_url")).as("the order's other parcel is not delivered").isNull();
    }

    @Test
    void anUnknownLinkIsA404ThatNamesNobody() {
        String unknown = "no-such-token-" + UUID.randomUUID();
        String html = visitor.get().uri("/track/{token}", unknown).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("Tracking link not found").doesNotContain(ShippedOrder.BRAND, "Linen &amp; Co.", ShippedOrder.BRAND_COLOUR);
        String tooLong = "x".repeat(300);
        String same = visitor.get().uri("/track/{token}", tooLong).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        assertThat(same.replace(tooLong, "TOKEN")).as("the same page, but for the switcher's links to itself")
                .isEqualTo(html.replace(unknown, "TOKEN"));
        visitor.get().uri("/track/{token}.json", "no-such-token").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/not-found");
        visitor.post().uri("/track/{token}.json", "no-such-token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", ShippedOrder.EMAIL)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void thePageSpeaksTheLanguageAskedForAndRemembersAChoice() {
        String lithuanian = page(visitor.get().uri("/track/{token}", shared.tokens.get(0)).header(HttpHeaders.ACCEPT_LANGUAGE, "lt-LT,lt;q=0.9,en;q=0.5"));
        assertThat(lithuanian).contains("<html lang=\"lt\"", "Kur mano siunta?", "1 iš 2", "Vilnius", "Linen &amp; Co.")
                .doesNotContain(ShippedOrder.STREET);
        String fallback = page(visitor.get().uri("/track/{token}", shared.tokens.get(0)).header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,fr;q=0.8"));
        assertThat(fallback).contains("<html lang=\"en\"", "Where is my parcel?");

        EntityExchangeResult<String> chosen = visitor.get().uri("/track/{token}?lang=uk", shared.tokens.get(0))
                .header(HttpHeaders.ACCEPT_LANGUAGE, "lt").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        assertThat(chosen.getResponseBody()).contains("<html lang=\"uk\"", "Де моя посилка?", "1 з 2");
        ResponseCookie remembered = chosen.getResponseCookies().getFirst(CustomerLanguages.COOKIE);
        assertThat(remembered.getValue()).isEqualTo("uk");
        String next = page(visitor.get().uri("/track/{token}", shared.tokens.get(1)).header(HttpHeaders.ACCEPT_LANGUAGE, "lt")
                .cookie(CustomerLanguages.COOKIE, "uk"));
        assertThat(next).contains("<html lang=\"uk\"", "2 з 2");
        for (String language : CustomerLanguages.SUPPORTED) {
            assertThat(next).contains("href=\"/track/" + shared.tokens.get(1) + "?lang=" + language + "\"");
        }
        assertThat(page(visitor.get().uri("/track/{token}?lang=xx", shared.tokens.get(0)).header(HttpHeaders.ACCEPT_LANGUAGE, "sl")))
                .contains("<html lang=\"sl\"", "Kje je moja pošiljka?");
    }

    @Test
    void theFormOpensTheDetailsOnlyWithTheRightAnswerAndItsOwnCsrfToken() {
        EntityExchangeResult<String> first = visitor.get().uri("/track/{token}", shared.tokens.get(0)).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        String csrfCookie = first.getResponseCookies().getFirst(TrackPageController.CSRF_COOKIE).getValue();
        String csrf = hiddenCsrf(first.getResponseBody());
        assertThat(first.getResponseBody()).doesNotContain(ShippedOrder.STREET, ShippedOrder.NAME);

        // Another site can post the form, but has neither the cookie nor a token made for it
        assertThat(unlockCookie(unlock(shared.tokens.get(0), null, csrf, ShippedOrder.EMAIL).expectStatus().isForbidden())).isNull();
        assertThat(unlockCookie(unlock(shared.tokens.get(0), csrfCookie, "forged~token", ShippedOrder.EMAIL).expectStatus().isForbidden())).isNull();
        assertThat(unlockCookie(unlock(shared.tokens.get(1), csrfCookie, csrf, ShippedOrder.EMAIL).expectStatus().isForbidden()))
                .as("the token is for the first parcel's page").isNull();

        EntityExchangeResult<String> wrong = unlock(shared.tokens.get(0), csrfCookie, csrf, "nobody@example.com")
                .expectStatus().isForbidden().expectBody(String.class).returnResult();
        assertThat(wrong.getResponseBody()).contains("not the order&#39;s e-mail address or postal code").doesNotContain(ShippedOrder.STREET);
        assertThat(wrong.getResponseCookies().getFirst(unlockCookieName())).isNull();

        EntityExchangeResult<Void> right = unlock(shared.tokens.get(0), csrfCookie, csrf, "01103").expectStatus().isSeeOther()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/track/" + shared.tokens.get(0))
                .expectBody().isEmpty();
        ResponseCookie unlocked = right.getResponseCookies().getFirst(unlockCookieName());
        assertThat(unlocked.isHttpOnly()).isTrue();
        assertThat(unlocked.getSameSite()).isEqualTo("Lax");
        assertThat(unlocked.getPath()).isEqualTo("/track");

        String open = page(visitor.get().uri("/track/{token}", shared.tokens.get(0)).cookie(unlocked.getName(), unlocked.getValue()));
        assertThat(open).contains(ShippedOrder.STREET, ShippedOrder.NAME, shared.orderNumber, "1 × Linen tee");
        String sibling = page(visitor.get().uri("/track/{token}", shared.tokens.get(1)).cookie(unlocked.getName(), unlocked.getValue()));
        assertThat(sibling).as("the order's other parcel is open too").contains(ShippedOrder.STREET);
        String tampered = unlocked.getValue().replace(shared.orderId, UUID.randomUUID().toString());
        assertThat(page(visitor.get().uri("/track/{token}", shared.tokens.get(0)).cookie(unlocked.getName(), tampered)))
                .doesNotContain(ShippedOrder.STREET);
    }

    @Test
    void aClientIsLimitedPerMinuteAndOthersAreNot() {
        String client = randomClient();
        WebTestClient busy = asClient(client);
        for (int i = 0; i < 60; i++) {
            busy.get().uri("/track/{token}.json", "no-such-token").exchange().expectStatus().isNotFound();
        }
        busy.get().uri("/track/{token}.json", shared.tokens.get(0)).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/too-many-requests");
        String html = busy.get().uri("/track/{token}?lang=lv", shared.tokens.get(0)).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(429).expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("lang=\"lv\"", "Pārāk daudz pieprasījumu");
        visitor.get().uri("/track/{token}.json", shared.tokens.get(0)).exchange().expectStatus().isOk();
    }

    @Test
    void anOrderTakesTenWrongAnswersFromAllClientsThenRefusesEvenTheRightOneForAWhile() {
        ShippedOrder order = shared.another(this, trackingTokens);
        for (int i = 0; i < 10; i++) {
            asClient(randomClient()).post().uri("/track/{token}.json", order.tokens.get(0)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("postal_code", String.format("%05d", i))).exchange().expectStatus().isForbidden();
        }
        asClient(randomClient()).post().uri("/track/{token}.json", order.tokens.get(1)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("postal_code", ShippedOrder.POSTAL_CODE)).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.recipient").doesNotExist();
        // Another order is not affected
        visitor.post().uri("/track/{token}.json", shared.tokens.get(0)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("postal_code", ShippedOrder.POSTAL_CODE)).exchange().expectStatus().isOk();
    }

    @Test
    void aClientTakesTenAnswersInTheWindow() {
        for (int i = 0; i < 10; i++) {
            visitor.post().uri("/track/{token}.json", shared.tokens.get(1)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("postal_code", ShippedOrder.POSTAL_CODE)).exchange().expectStatus().isOk();
        }
        visitor.post().uri("/track/{token}.json", shared.tokens.get(1)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("postal_code", ShippedOrder.POSTAL_CODE)).exchange().expectStatus().isEqualTo(429);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBrandColourIsValidatedAndStoredLowerCase() {
        String merchantId = (String) as(newMerchant("Brand " + UUID.randomUUID())).get().uri("/api/v1/merchant").exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        for (String bad : List.of("red", "#12345", "#1234567", "#12345g", "")) {
            admin().patch().uri("/api/v1/admin/merchants/{id}", merchantId).bodyValue(Map.of("brand_colour", bad)).exchange()
                    .expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/invalid-request");
        }
        admin().patch().uri("/api/v1/admin/merchants/{id}", merchantId).bodyValue(Map.of("brand_name", "  ")).exchange()
                .expectStatus().isEqualTo(422);
        admin().patch().uri("/api/v1/admin/merchants/{id}", merchantId).bodyValue(Map.of("brand_colour", "#ABCDEF", "brand_name", "Shop"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.brand_colour").isEqualTo("#abcdef").jsonPath("$.brand_name").isEqualTo("Shop");
        String after = null;
        Map<?, ?> listed = null;
        while (listed == null) {
            Map<?, ?> page = admin().get().uri(after == null ? "/api/v1/admin/merchants?limit=100" : "/api/v1/admin/merchants?limit=100&after=" + after)
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            listed = ((List<Map<?, ?>>) page.get("items")).stream().filter(m -> merchantId.equals(m.get("id"))).findFirst().orElse(null);
            after = (String) page.get("next_cursor");
            assertThat(listed != null || after != null).as("the merchant is listed").isTrue();
        }
        assertThat(listed.get("brand_colour")).isEqualTo("#abcdef");
        admin().post().uri("/api/v1/admin/merchants").bodyValue(Map.of("name", "Brand new " + UUID.randomUUID(), "brand_colour", "blue"))
                .exchange().expectStatus().isEqualTo(422);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(String token) {
        // A client of its own per read: a test waiting for news reads more often than one visitor may
        return asClient(randomClient()).get().uri("/track/{token}.json", token).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private String trackingNumber(String token) {
        return (String) ((Map<String, Object>) json(token).get("carrier")).get("tracking_number");
    }

    /** The page's words for the ETA's basis, in Latvian. */
    private static String etaBasisWords(String basis) {
        return switch (basis) {
            case "carrier" -> "Pārvadātāja aplēse.";
            case "lane_history" -> "Mūsu aplēse pēc nesenajām piegādēm uz jūsu apvidu.";
            default -> "Mūsu aplēse pēc pakalpojuma parastā piegādes laika.";
        };
    }

    /** An instant as the page writes it: the destination's (Vilnius) local time in the language's medium date and short time. */
    private static String localTime(Instant at, String language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Locale.forLanguageTag(language))
                .withZone(ZoneId.of("Europe/Vilnius")).format(at);
    }

    /** The part of the page from {@code start} to the first {@code end} after it. */
    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as("%s on the page", start).isNotNegative();
        return html.substring(from, html.indexOf(end, from) + end.length());
    }

    private String page(WebTestClient.RequestHeadersSpec<?> request) {
        return request.accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec unlock(String token, String csrfCookie, String csrf, String answer) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("csrf", csrf);
        form.add("answer", answer);
        WebTestClient.RequestBodySpec request = visitor.post().uri("/track/{token}/unlock", token).accept(MediaType.TEXT_HTML);
        if (csrfCookie != null) {
            request = request.cookie(TrackPageController.CSRF_COOKIE, csrfCookie);
        }
        return request.body(BodyInserters.fromFormData(form)).exchange();
    }

    private static ResponseCookie unlockCookie(WebTestClient.ResponseSpec response) {
        return response.expectBody(String.class).returnResult().getResponseCookies().getFirst(unlockCookieName());
    }

    private static String unlockCookieName() {
        return TrackPageController.UNLOCK_COOKIE_PREFIX + shared.orderId.replace("-", "");
    }

    private static String hiddenCsrf(String html) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("the form's CSRF field").isTrue();
        return matcher.group(1);
    }
}
