package io.stowage.api.returns;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.dispatch.TrackingTokens;
import io.stowage.api.support.ApiTest;
import io.stowage.api.trackpage.CustomerLanguages;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The customer's return page over HTTP: the privacy step, the items with the in-stock sizes to exchange
 * for, a return of one tee and an exchange of the other, the RMA with the label and the drop-off QR
 * code; the start form by order number and e-mail address; every text in the five languages.
 */
class CustomerReturnPageTest extends ApiTest {

    private static final String CSRF_COOKIE = "stowage_track_csrf";

    @Autowired
    TrackingTokens tokens;

    @Test
    void aCustomerReturnsOneTeeAndExchangesTheOtherOnTheReturnPage() {
        ReturnableOrder shipped = ReturnableOrder.shipped(this, tokens);
        WebTestClient visitor = visitor();
        String page = "/track/" + shipped.token + "/return";

        // Locked: the privacy question, nothing of the order
        EntityExchangeResult<String> locked = html(visitor.get().uri(page), 200);
        assertThat(locked.getResponseBody()).contains("confirm the order is yours").doesNotContain("TEE-M-NAVY", "Linen tee");
        String csrfCookie = locked.getResponseCookies().getFirst(CSRF_COOKIE).getValue();
        String csrf = field(locked.getResponseBody(), "csrf");
        EntityExchangeResult<String> wrong = html(post(visitor, page + "/unlock", csrfCookie, null, Map.of("csrf", csrf, "answer", "nobody@example.com")), 403);
        assertThat(wrong.getResponseBody()).contains("not the e-mail address or postal code of this order");
        EntityExchangeResult<String> right = html(post(visitor, page + "/unlock", csrfCookie, null, Map.of("csrf", csrf, "answer", ReturnableOrder.EMAIL)), 303);
        assertThat(right.getResponseHeaders().getLocation()).hasToString(page);
        ResponseCookie unlock = right.getResponseCookies().values().stream().flatMap(List::stream)
                .filter(cookie -> cookie.getName().startsWith("stowage_unlock_")).findFirst().orElseThrow();

        // The items, each with what it may be exchanged for: the L in stock, not the M that just shipped
        // A browser keeps its cookies: the CSRF one with the unlock
        String form = html(visitor.get().uri(page).cookie(unlock.getName(), unlock.getValue()).cookie(CSRF_COOKIE, csrfCookie), 200)
                .getResponseBody();
        assertThat(form).contains("Linen tee M Navy", "Linen tee S Sand", "value=\"TEE-L-NAVY\"", "Exchange for Linen tee L Navy",
                "You can return items until").doesNotContain("Exchange for Linen tee M Navy");
        assertThat(form).as("the window's close on the clock of the order's destination, Vilnius").contains("(Eastern European");
        assertThat(field(form, "sku_0")).isEqualTo("TEE-M-NAVY");
        assertThat(field(form, "sku_1")).isEqualTo("TEE-S-SAND");

        // Nothing chosen: the form again with the reason, nothing written
        Map<String, String> nothing = Map.of("csrf", field(form, "csrf"), "sku_0", "TEE-M-NAVY", "quantity_0", "0", "sku_1", "TEE-S-SAND", "quantity_1", "0");
        assertThat(html(post(visitor, page, csrfCookie, unlock, nothing), 422).getResponseBody()).contains("Choose at least one item");

        Map<String, String> choice = Map.of("csrf", field(form, "csrf"),
                "sku_0", "TEE-M-NAVY", "quantity_0", "1", "reason_0", "changed_mind", "exchange_0", "",
                "sku_1", "TEE-S-SAND", "quantity_1", "1", "reason_1", "wrong_size", "exchange_1", "TEE-L-NAVY");
        EntityExchangeResult<String> opened = html(post(visitor, page, csrfCookie, unlock, choice), 303);
        String location = opened.getResponseHeaders().getLocation().toString();
        assertThat(location).matches(Pattern.quote(page + "/") + "RMA-[A-Z0-9]{10}");
        String rma = location.substring(location.lastIndexOf('/') + 1);

        String done = html(visitor.get().uri(location).cookie(unlock.getName(), unlock.getValue()), 200).getResponseBody();
        assertThat(done).contains(rma, "Waiting for your parcel", "exchange for TEE-L-NAVY", "The shop pays for the return label",
                "href=\"" + location + "/label?format=pdf\"", "src=\"" + location + "/drop-off.png\"");
        visitor.get().uri(location + "/label?format=png").exchange().expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_PNG);
        // The same choice again: the units are on a return already, and the page says so
        assertThat(html(post(visitor, page, csrfCookie, unlock, choice), 409).getResponseBody()).contains("already on a return");
        assertThat(html(visitor.get().uri(page).cookie(unlock.getName(), unlock.getValue()), 200).getResponseBody())
                .contains("on a return already", "href=\"" + location + "\"").doesNotContain("name=\"quantity_0\"");

        // The merchant sees the customer's return, with the exchange reserved
        Map<?, ?> event = (Map<?, ?>) ((List<?>) shipped.merchant(this).get().uri("/api/v1/events?type=return.requested").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items")).get(0);
        Map<?, ?> data = (Map<?, ?>) event.get("data");
        assertThat(data.get("rma")).isEqualTo(rma);
        assertThat(data.get("requested_by")).isEqualTo("customer");
        assertThat(data.get("exchange_order_id")).isNotNull();

        // Another browser without the answer is sent to the question, and sees nothing of the return
        html(visitor().get().uri(location), 303);
    }

    @Test
    void theStartFormFindsTheOrderByItsNumberAndEmailAddress() {
        ReturnableOrder shipped = ReturnableOrder.shipped(this, tokens);
        WebTestClient visitor = visitor();
        EntityExchangeResult<String> start = html(visitor.get().uri("/track/returns"), 200);
        String csrfCookie = start.getResponseCookies().getFirst(CSRF_COOKIE).getValue();
        String csrf = field(start.getResponseBody(), "csrf");

        assertThat(html(post(visitor, "/track/returns", csrfCookie, null, Map.of("csrf", csrf, "order_number", shipped.orderId,
                "email", "someone@example.com")), 404).getResponseBody()).contains("No order has this number and e-mail address");
        assertThat(html(post(visitor, "/track/returns", csrfCookie, null, Map.of("csrf", csrf, "order_number", UUID.randomUUID().toString(),
                "email", ReturnableOrder.EMAIL)), 404).getResponseBody()).as("an unknown order answers as a wrong address does")
                .contains("No order has this number and e-mail address");
        assertThat(html(post(visitor, "/track/returns", csrfCookie, null, Map.of("csrf", "forged", "order_number", shipped.orderId,
                "email", ReturnableOrder.EMAIL)), 403).getResponseBody()).contains("The form expired");

        EntityExchangeResult<String> found = html(post(visitor, "/track/returns", csrfCookie, null, Map.of("csrf", csrf,
                "order_number", " " + shipped.orderId + " ", "email", ReturnableOrder.EMAIL.toLowerCase())), 303);
        assertThat(found.getResponseHeaders().getLocation()).hasToString("/track/" + shipped.token + "/return");
        ResponseCookie unlock = found.getResponseCookies().values().stream().flatMap(List::stream)
                .filter(cookie -> cookie.getName().startsWith("stowage_unlock_")).findFirst().orElseThrow();
        assertThat(html(visitor.get().uri("/track/{token}/return", shipped.token).cookie(unlock.getName(), unlock.getValue()), 200)
                .getResponseBody()).contains("Linen tee M Navy", "name=\"quantity_0\"");
    }

    @Test
    void everyTextIsInTheCustomersLanguage() {
        Map<String, String> headings = Map.of("en", "Return an item", "uk", "Повернути товар", "lt", "Grąžinti prekę",
                "lv", "Atgriezt preci", "sl", "Vrni izdelek");
        WebTestClient visitor = visitor();
        for (String language : CustomerLanguages.SUPPORTED) {
            String start = html(visitor.get().uri("/track/returns?lang={lang}", language), 200).getResponseBody();
            assertThat(start).contains("<html lang=\"" + language + "\"", headings.get(language));
            assertThat(html(visitor.get().uri("/track/{token}/return", "no-such-link").header(HttpHeaders.ACCEPT_LANGUAGE, language), 404)
                    .getResponseBody()).contains("<html lang=\"" + language + "\"");
        }
    }

    private WebTestClient visitor() {
        return web.mutate().defaultHeader("X-Forwarded-For", "198.51.100.9-" + UUID.randomUUID()).build();
    }

    private static EntityExchangeResult<String> html(WebTestClient.RequestHeadersSpec<?> request, int status) {
        return request.accept(MediaType.TEXT_HTML).exchange().expectStatus().isEqualTo(status).expectBody(String.class).returnResult();
    }

    private static WebTestClient.RequestHeadersSpec<?> post(WebTestClient visitor, String path, String csrfCookie, ResponseCookie unlock,
                                                             Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        WebTestClient.RequestBodySpec request = visitor.post().uri(path).cookie(CSRF_COOKIE, csrfCookie);
        if (unlock != null) {
            request = request.cookie(unlock.getName(), unlock.getValue());
        }
        return request.body(BodyInserters.fromFormData(form));
    }

    private static String field(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        assertThat(matcher.find()).as("the form's field %s", name).isTrue();
        return matcher.group(1);
    }
}
