package io.stowage.api.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Bad billing input is refused with a problem that says why, and nothing is written. */
class BillingRefusalsTest extends ApiTest {

    private static final String PROBLEMS = "https://stowage.io/problems/";

    @Test
    void aMonthNotOverAMonthNotBegunAndAnInvoicedMonthAreRefused() {
        String key = newMerchant("Refusals " + unique("M"));
        String merchantId = (String) as(key).get().uri("/api/v1/merchant").exchange().expectBody(Map.class).returnResult().getResponseBody().get("id");
        admin().put().uri("/api/v1/admin/billing/merchants/{id}/account", merchantId)
                .bodyValue(Map.of("currency", "UAH", "vat_rate_bp", 2000, "legal_name", "Київська крамниця ТОВ", "address", "вул. Хрещатик 1, Київ"))
                .exchange().expectStatus().isOk();
        admin().post().uri("/api/v1/admin/billing/merchants/{id}/rate-cards", merchantId)
                .bodyValue(Map.of("currency", "UAH", "effective_from", "2020-01-01", "rates", Map.of("pick_per_order", 1500)))
                .exchange().expectStatus().isCreated();
        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        YearMonth lastMonth = thisMonth.minusMonths(1);

        // This month is not over: its draft exists but does not finalise, and keeps no number.
        admin().post().uri("/api/v1/admin/billing/merchants/{id}/manual-charges", merchantId)
                .bodyValue(Map.of("occurred_on", LocalDate.now(ZoneOffset.UTC).toString(), "note", "Стелаж", "rate_minor", 10000))
                .exchange().expectStatus().isCreated();
        String current = draftId(merchantId, thisMonth);
        admin().post().uri("/api/v1/admin/billing/invoices/{id}/finalise", current).exchange().expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "period-not-over");
        admin().get().uri("/api/v1/admin/billing/invoices/{id}", current).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("draft").jsonPath("$.number").doesNotExist();
        // A month not begun has no draft; a month that is no month is a field error.
        admin().post().uri("/api/v1/admin/billing/merchants/{id}/invoices", merchantId).bodyValue(Map.of("period", thisMonth.plusMonths(1).toString()))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "period-not-over");
        admin().post().uri("/api/v1/admin/billing/merchants/{id}/invoices", merchantId).bodyValue(Map.of("period", "2026-13"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("period");
        // A charge in another currency than the merchant's is refused.
        admin().post().uri("/api/v1/admin/billing/merchants/{id}/manual-charges", merchantId)
                .bodyValue(Map.of("occurred_on", lastMonth.atDay(3).toString(), "note", "In euros", "rate_minor", 500, "currency", "EUR"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "currency-mismatch");

        // Last month is over: it finalises; then it cannot be drafted again, repriced or credited without a key.
        admin().post().uri("/api/v1/admin/billing/merchants/{id}/manual-charges", merchantId)
                .bodyValue(Map.of("occurred_on", lastMonth.atDay(3).toString(), "note", "Інвентаризація на прохання", "quantity", 2.5, "rate_minor", 333))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.amount_minor").isEqualTo(833);
        String invoiceId = draftId(merchantId, lastMonth);
        admin().post().uri("/api/v1/admin/billing/invoices/{id}/credit-note", invoiceId).header("Idempotency-Key", unique("credit"))
                .bodyValue(Map.of("note", "a draft")).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invoice-not-finalised");
        Map<?, ?> finalised = admin().post().uri("/api/v1/admin/billing/invoices/{id}/finalise", invoiceId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Number) finalised.get("net_minor")).longValue()).isEqualTo(833);
        assertThat(((Number) finalised.get("vat_minor")).longValue()).isEqualTo(167); // 833 × 20 % = 166.6
        admin().post().uri("/api/v1/admin/billing/invoices/{id}/finalise", invoiceId).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invoice-finalised");
        admin().post().uri("/api/v1/admin/billing/merchants/{id}/invoices", merchantId).bodyValue(Map.of("period", lastMonth.toString()))
                .exchange().expectStatus().isEqualTo(409);
        admin().post().uri("/api/v1/admin/billing/merchants/{id}/rate-cards", merchantId)
                .bodyValue(Map.of("currency", "UAH", "effective_from", lastMonth.atDay(15).toString(), "rates", Map.of("pick_per_order", 1)))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "invoice-finalised");
        admin().post().uri("/api/v1/admin/billing/invoices/{id}/credit-note", invoiceId).bodyValue(Map.of("note", "no key"))
                .exchange().expectStatus().isEqualTo(422);
        admin().get().uri("/api/v1/admin/billing/invoices/{id}", invoiceId).exchange().expectBody().jsonPath("$.status").isEqualTo("finalised");

        // Merchants read, never write, billing; and the merchant sees only its finalised invoice, not the draft.
        as(key).post().uri("/api/v1/admin/billing/merchants/{id}/manual-charges", merchantId)
                .bodyValue(Map.of("occurred_on", lastMonth.atDay(3).toString(), "note", "self-billing", "rate_minor", 1)).exchange().expectStatus().isForbidden();
        as(key).get().uri("/api/v1/invoices/{id}", current).exchange().expectStatus().isNotFound();
        as(key).get().uri("/api/v1/invoices").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].id").isEqualTo(invoiceId);
    }

    private String draftId(String merchantId, YearMonth month) {
        return (String) admin().post().uri("/api/v1/admin/billing/merchants/{id}/invoices", merchantId).bodyValue(Map.of("period", month.toString()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    @Test
    void aCountForAMerchantThatDoesNotExistAndAMisreadPalletOpenAndReceiveNothing() {
        io.stowage.api.support.World world = io.stowage.api.support.World.create(this);
        world.worker(this).post().uri("/api/v1/count-tasks")
                .bodyValue(Map.of("location_codes", java.util.List.of("A-01-01-A"), "requested_by_merchant_id", java.util.UUID.randomUUID()))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("requested_by_merchant_id");
        world.worker(this).get().uri("/api/v1/count-tasks?status=open").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        // An 18-digit code is an SSCC: one with a wrong check digit is a misread, refused before anything is booked.
        world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", unique("misread"))
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", 3, "location_code", "DOCK-1",
                        "pallet_code", "(00)047700010000000018", "carton_code", "CTN 1"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("carton_code");
        world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", unique("misread"))
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", "TEE-M-NAVY", "quantity", 3, "location_code", "DOCK-1",
                        "pallet_code", "047700010000000018"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("pallet_code");
        assertThat(world.merchant(this).get().uri("/api/v1/stock/balances?sku=TEE-M-NAVY").exchange().expectStatus().isOk()
                .expectBody(java.util.List.class).returnResult().getResponseBody()).isEmpty();
    }
}
