package io.stowage.api.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.barcodes.gs1.Sscc;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/**
 * The done-when of issue 14: a month of work for two merchants on different rate cards (receipts
 * per unit, carton and pallet, putaway, storage over the days, picks, packs in boxes, labels and
 * carrier costs, shipments, a return graded two ways, a count the merchant asked for, a manual
 * charge), finalised; each invoice line is checked against an amount this test computes on its own
 * from what it did and the rates it set, the PDF read back shows the same totals, and the snapshot
 * job run a second time for a day changes nothing. A return graded after the month was closed lands
 * on the next month's invoice with its own date. Billing's clock is moved past the month's end
 * instead of waiting for it; every test of the shared service reads that clock, so this class runs alone.
 */
@Isolated("moves billing's clock, which every test of the shared service reads")
class BillingMonthTest extends ApiTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    /** TEE variants are 300 × 250 × 20 mm. */
    private static final long TEE_MM3 = 300L * 250 * 20;

    @Autowired
    BillingClock clock;

    @AfterEach
    void realTime() {
        clock.use(Clock.systemUTC());
    }

    @Test
    void aMonthOfWorkIsInvoicedToTheCentForTwoMerchants() throws IOException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        YearMonth month = YearMonth.from(today);
        LocalDate lastDay = month.atEndOfMonth();
        long storedDays = ChronoUnit.DAYS.between(today, lastDay) + 1;

        // Merchant A: storage by location and volume, receiving per unit, carton and pallet, putaway, picks, packs in its box,
        // labels, shipping + 10 %, returns per item and grade, counts it asks for.
        BillingFloor a = BillingFloor.create(this);
        account(a, "EUR", 2100, "Ąžuolas ir partneriai UAB", "Šiaulių g. 5, Kaunas");
        rateCard(a, Map.ofEntries(
                Map.entry("storage_per_location_day", Map.of("pick_face", 30, "reserve", 50)),
                Map.entry("storage_per_cubic_metre_day", 1500),
                Map.entry("receiving_per_unit", 10), Map.entry("receiving_per_carton", 45), Map.entry("receiving_per_pallet", 300),
                Map.entry("putaway_per_unit", 5),
                Map.entry("return_per_item", 90), Map.entry("return_per_grade", Map.of("restock", 60, "dispose", 150)),
                Map.entry("cycle_count_per_location", 700),
                Map.entry("pick_per_order", 120), Map.entry("pick_per_extra_line", 40), Map.entry("pick_per_unit", 15),
                Map.entry("pack_per_carton", 80), Map.entry("packaging_markup_bp", 1500),
                Map.entry("label_per_shipment", 25), Map.entry("shipping_markup_bp", 1000)));
        a.world.merchant(this).put().uri("/api/v1/box-types/{code}", "BOX-S").bodyValue(Map.of("name", "Small mailer", "inner_length_mm", 320,
                        "inner_width_mm", 270, "inner_height_mm", 60, "tare_grams", 100, "max_weight_grams", 5000, "cost_minor", 35, "currency", "EUR"))
                .exchange().expectStatus().is2xxSuccessful();
        // Two cartons on one pallet: the pallet's SSCC scanned as 18 digits, then off the GS1-128 label's text; one pallet.
        String palletSscc = Sscc.of("4770001", 3, ThreadLocalRandom.current().nextLong(1, 9_999_999)).value();
        a.world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", "bad-sscc-" + palletSscc)
                .bodyValue(Map.of("merchant_id", a.world.merchantId, "sku", "TEE-M-NAVY", "quantity", 10, "location_code", "DOCK-1",
                        "pallet_code", palletSscc.substring(0, 17) + (char) ('0' + (palletSscc.charAt(17) - '0' + 1) % 10)))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].field").isEqualTo("pallet_code");
        a.receiveAndPutAway("TEE-M-NAVY", 10, "A-01-01-A", "CTN-0001", palletSscc);
        a.receiveAndPutAway("TEE-L-NAVY", 4, "A-01-02-A", "CTN-0002", "(00)" + palletSscc);
        String a1 = a.order(1);
        String a2 = a.order(2);
        a.waveAndPick();
        Map<?, ?> shipmentA1 = a.packAndLabel(a1, 1, "BOX-S", 280);
        Map<?, ?> shipmentA2 = a.packAndLabel(a2, 2, "BOX-S", 460);
        a.ship(List.of(shipmentA1, shipmentA2));
        // The customer sends both units of the second order back: one goes back on the shelf, one is disposed of.
        Map<?, ?> returnA2 = a.returnAndGrade(a2, "TEE-M-NAVY", new LinkedHashMap<>(Map.of("restock", 1, "dispose", 1)), "A-01-01-A");
        Map<?, ?> returnLabel = (Map<?, ?>) returnA2.get("label");
        assertThat(returnLabel).as("the sandbox carrier sells return labels").isNotNull();
        // The 3PL counts the reserve shelf for itself; the merchant asks for a count of it, whose first count is rejected and recounted.
        a.count("A-01-02-A", false, "TEE-L-NAVY", 4, true);
        a.count("A-01-02-A", true, "TEE-L-NAVY", 5, false);
        String requestedCount = a.count("A-01-02-A", true, "TEE-L-NAVY", 4, true);

        // Merchant B: other prices, a fixed shipping markup, no box (own packaging) and a monthly minimum it does not reach.
        BillingFloor b = BillingFloor.create(this);
        account(b, "EUR", 2000, "Bičiulių kava MB", "Vilniaus g. 10, Vilnius");
        rateCard(b, Map.ofEntries(
                Map.entry("storage_per_location_day", Map.of("pick_face", 40)),
                Map.entry("receiving_per_unit", 8), Map.entry("receiving_per_pallet", 250),
                Map.entry("pick_per_order", 100), Map.entry("pick_per_unit", 20),
                Map.entry("pack_per_carton", 60), Map.entry("label_per_shipment", 30), Map.entry("shipping_markup_fixed", 150),
                Map.entry("monthly_minimum", 500_000)));
        // B's card has no price per carton: the carton is recorded, only the pallet (its own number) is charged.
        b.receiveAndPutAway("TEE-M-NAVY", 5, "A-01-01-A", "B-CTN-1", "PAL-B-1");
        String b1 = b.order(1);
        b.waveAndPick();
        Map<?, ?> shipmentB1 = b.packAndLabel(b1, 1, null, 180);

        admin().post().uri("/api/v1/admin/billing/merchants/{id}/manual-charges", a.world.merchantId)
                .bodyValue(Map.of("occurred_on", today.toString(), "note", "Relabelling 40 units by hand — Šilas", "quantity", 40, "rate_minor", 12))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.amount_minor").isEqualTo(480);

        // The month is over: billing's clock moves to the 2nd of the next month.
        clock.use(Clock.fixed(month.plusMonths(1).atDay(2).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        snapshots(lastDay);
        List<Map<String, Object>> lastDayRows = snapshotRows(a, lastDay);
        // On the shelves: 10 - 3 picked + 1 restocked tees on the pick face, 4 in reserve (what waits at the pack station is not stored).
        assertThat(lastDayRows).filteredOn(row -> List.of("pick_face", "reserve").contains(row.get("location_type")))
                .extracting(row -> row.get("location_type"), row -> row.get("quantity"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("pick_face", 8), org.assertj.core.groups.Tuple.tuple("reserve", 4));
        if (today.getDayOfMonth() > 1) {
            assertThat(snapshotRows(a, today.minusDays(1))).as("nothing was held before today").isEmpty();
        }
        // A second run for the same day finds it taken and writes nothing.
        assertThat(((Number) snapshots(lastDay).get("days_taken")).intValue()).isZero();
        assertThat(snapshotRows(a, lastDay)).isEqualTo(lastDayRows);

        // Expected amounts, computed here from what was done and the rates set above.
        Map<String, List<Long>> expectedA = new HashMap<>();
        for (long day = 0; day < storedDays; day++) {
            expect(expectedA, "storage_location", 30);
            expect(expectedA, "storage_location", 50);
            // 12 units of 1 500 000 mm³ on shelves = 0.018 m³ × 15.00 = 0.27: 27 cents, rounded half up once.
            expect(expectedA, "storage_volume", round(BigDecimal.valueOf(12 * TEE_MM3).movePointLeft(9).multiply(BigDecimal.valueOf(1500))));
        }
        expect(expectedA, "receiving_unit", 10 * 10, 4 * 10);
        expect(expectedA, "receiving_carton", 45, 45);
        expect(expectedA, "receiving_pallet", 300);
        expect(expectedA, "return_item", 90, 90);
        expect(expectedA, "return_grade", 60, 150);
        expect(expectedA, "cycle_count", 700);
        expect(expectedA, "putaway_unit", 10 * 5, 4 * 5);
        expect(expectedA, "pick_order", 120, 120);
        expect(expectedA, "pick_unit", 15, 2 * 15);
        expect(expectedA, "pack_carton", 80, 80);
        expect(expectedA, "packaging", 40, 40); // 35 × 1.15 = 40.25
        // Two labels out and the return's label back, each at its carrier price + 10 %.
        expect(expectedA, "label", 25, 25, 25);
        expect(expectedA, "shipping", round(price(shipmentA1).multiply(new BigDecimal("1.10"))), round(price(shipmentA2).multiply(new BigDecimal("1.10"))),
                round(price(returnLabel).multiply(new BigDecimal("1.10"))));
        expect(expectedA, "manual", 480);

        Map<String, List<Long>> expectedB = new HashMap<>();
        for (long day = 0; day < storedDays; day++) {
            expect(expectedB, "storage_location", 40);
        }
        expect(expectedB, "receiving_unit", 5 * 8);
        expect(expectedB, "receiving_pallet", 250);
        expect(expectedB, "pick_order", 100);
        expect(expectedB, "pick_unit", 20);
        expect(expectedB, "pack_carton", 60);
        expect(expectedB, "label", 30);
        expect(expectedB, "shipping", price(shipmentB1).longValueExact() + 150);
        long activityB = sum(expectedB);
        expect(expectedB, "monthly_minimum", 500_000 - activityB);

        Map<String, Object> invoiceA = finalise(a, month);
        // A finalisation that fails (a month with nothing to bill) takes no number: B's is the next one.
        BillingFloor idle = BillingFloor.create(this);
        account(idle, "EUR", 2100, "Tuščia UAB", "Vilnius");
        rateCard(idle, Map.of("pick_per_order", 100));
        String idleDraft = (String) draft(idle, month).get("id");
        admin().post().uri("/api/v1/admin/billing/invoices/{id}/finalise", idleDraft).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/period-empty");
        admin().get().uri("/api/v1/admin/billing/invoices/{id}", idleDraft).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("draft").jsonPath("$.number").doesNotExist();
        Map<String, Object> invoiceB = finalise(b, month);
        assertThat(sequence(invoiceB)).isEqualTo(sequence(invoiceA) + 1);

        checkInvoice(a, invoiceA, expectedA, 2100);
        checkInvoice(b, invoiceB, expectedB, 2000);
        // The count line points at the approved count the merchant asked for, not at the rejected one nor the 3PL's own.
        assertThat(admin().get().uri("/api/v1/admin/billing/invoices/{id}/lines?limit=500", invoiceA.get("id")).exchange().expectStatus().isOk()
                .expectBody(LIST).returnResult().getResponseBody()).filteredOn(line -> "cycle_count".equals(line.get("kind")))
                .extracting(line -> line.get("cause_type") + " " + line.get("cause_id")).containsExactly("count_task " + requestedCount);

        // Recomputing a finalised month gives the same lines to the cent.
        admin().get().uri("/api/v1/admin/billing/invoices/{id}/verification", invoiceA.get("id")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.matches").isEqualTo(true).jsonPath("$.differences.length()").isEqualTo(0);

        // A finalised invoice is never edited, and one merchant never sees another's.
        admin().post().uri("/api/v1/admin/billing/merchants/{id}/invoices", a.world.merchantId).bodyValue(Map.of("period", month.toString()))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/invoice-finalised");
        admin().post().uri("/api/v1/admin/billing/invoices/{id}/recompute", invoiceA.get("id")).exchange().expectStatus().isEqualTo(409);
        b.world.merchant(this).get().uri("/api/v1/invoices/{id}", invoiceA.get("id")).exchange().expectStatus().isNotFound();
        b.world.merchant(this).get().uri("/api/v1/invoices/{id}/pdf", invoiceA.get("id")).exchange().expectStatus().isNotFound();
        assertThat(b.world.merchant(this).get().uri("/api/v1/invoices").exchange().expectStatus().isOk().expectBody(LIST).returnResult()
                .getResponseBody()).extracting(invoice -> invoice.get("id")).containsExactly(invoiceB.get("id"));

        // A late event (a charge dated in the finalised month) lands on the next month's invoice with its own date.
        admin().post().uri("/api/v1/admin/billing/merchants/{id}/manual-charges", a.world.merchantId)
                .bodyValue(Map.of("occurred_on", lastDay.toString(), "note", "Pallet disposal found late", "rate_minor", 2500))
                .exchange().expectStatus().isCreated();
        Map<String, Object> next = draft(a, month.plusMonths(1));
        List<Map<String, Object>> nextLines = admin().get().uri("/api/v1/admin/billing/invoices/{id}/lines", next.get("id")).exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
        assertThat(nextLines).filteredOn(line -> "manual".equals(line.get("kind")))
                .extracting(line -> line.get("occurred_on"), line -> ((Number) line.get("amount_minor")).longValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(lastDay.toString(), 2500L));
        // So does a return graded after the month was closed: charged on the next month's invoice, dated the day it was graded.
        a.returnAndGrade(a1, "TEE-M-NAVY", Map.of("restock", 1), "A-01-01-A");
        List<Map<String, Object>> withLateReturn = admin().get().uri("/api/v1/admin/billing/invoices/{id}/lines?limit=500", draft(a, month.plusMonths(1)).get("id"))
                .exchange().expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
        assertThat(withLateReturn).filteredOn(line -> ((String) line.get("kind")).startsWith("return_"))
                .extracting(line -> line.get("kind"), line -> line.get("occurred_on"), line -> ((Number) line.get("amount_minor")).longValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("return_item", today.toString(), 90L),
                        org.assertj.core.groups.Tuple.tuple("return_grade", today.toString(), 60L));
        assertThat(withLateReturn).filteredOn(line -> "cycle_count".equals(line.get("kind"))).as("the count was billed in its month").isEmpty();
        admin().get().uri("/api/v1/admin/billing/invoices/{id}/verification", invoiceA.get("id")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.matches").isEqualTo(true);

        // Still unbilled a month later (the month in between not finalised), it is not lost: the next draft bills it, marked late,
        // while what the finalised month billed (its storage days) stays billed there.
        clock.use(Clock.fixed(month.plusMonths(2).atDay(2).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        List<Map<String, Object>> twoMonthsOn = admin().get().uri("/api/v1/admin/billing/invoices/{id}/lines?limit=500",
                        draft(a, month.plusMonths(2)).get("id"))
                .exchange().expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
        assertThat(twoMonthsOn).filteredOn(line -> "manual".equals(line.get("kind")))
                .extracting(line -> line.get("occurred_on"), line -> ((Number) line.get("amount_minor")).longValue(),
                        line -> ((String) line.get("description")).startsWith("Late, dated " + lastDay))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(lastDay.toString(), 2500L, true));
        assertThat(twoMonthsOn).filteredOn(line -> ((String) line.get("kind")).startsWith("storage_"))
                .filteredOn(line -> YearMonth.from(LocalDate.parse((String) line.get("occurred_on"))).equals(month)).isEmpty();
        clock.use(Clock.fixed(month.plusMonths(1).atDay(2).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

        // A credit note reverses the invoice whole, with the next number; the invoice is credited.
        Map<?, ?> credit = admin().post().uri("/api/v1/admin/billing/invoices/{id}/credit-note", invoiceB.get("id"))
                .header("Idempotency-Key", "credit-" + invoiceB.get("id")).bodyValue(Map.of("note", "Minimum waived for the first month"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Number) credit.get("total_minor")).longValue()).isEqualTo(-((Number) invoiceB.get("total_minor")).longValue());
        assertThat(credit.get("kind")).isEqualTo("credit_note");
        assertThat(sequence(credit)).isEqualTo(sequence(invoiceB) + 1);
        admin().get().uri("/api/v1/admin/billing/invoices/{id}", invoiceB.get("id")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("credited");
        admin().post().uri("/api/v1/admin/billing/invoices/{id}/credit-note", invoiceB.get("id")).header("Idempotency-Key", "credit-again")
                .bodyValue(Map.of("note", "again")).exchange().expectStatus().isEqualTo(409);
        // The credited month is open again: it may be repriced from its second day and drafted anew.
        admin().post().uri("/api/v1/admin/billing/merchants/{id}/rate-cards", b.world.merchantId)
                .bodyValue(Map.of("currency", "EUR", "effective_from", month.atDay(2).toString(), "rates", Map.of("pick_per_order", 100)))
                .exchange().expectStatus().isCreated();
        assertThat(draft(b, month).get("status")).isEqualTo("draft");
    }

    /** Every line of the invoice, as the merchant reads it, against the amounts expected per kind; the totals, the CSV and the PDF agree. */
    private void checkInvoice(BillingFloor floor, Map<String, Object> invoice, Map<String, List<Long>> expected, int vatBp) throws IOException {
        String id = (String) invoice.get("id");
        List<Map<String, Object>> lines = new ArrayList<>();
        int after = 0;
        while (true) {
            List<Map<String, Object>> page = floor.world.merchant(this).get().uri("/api/v1/invoices/{id}/lines?limit=100&after={after}", id, after)
                    .exchange().expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
            if (page.isEmpty()) {
                break;
            }
            lines.addAll(page);
            after = ((Number) page.get(page.size() - 1).get("line_no")).intValue();
        }
        Map<String, List<Long>> actual = new HashMap<>();
        for (Map<String, Object> line : lines) {
            long amount = ((Number) line.get("amount_minor")).longValue();
            actual.computeIfAbsent((String) line.get("kind"), kind -> new ArrayList<>()).add(amount);
            assertThat(line.get("cause_id")).as("every line points at its cause").isNotNull();
            assertThat(amount).as("line %s: quantity × rate rounded once", line.get("line_no"))
                    .isEqualTo(round(new BigDecimal(line.get("quantity").toString()).multiply(new BigDecimal(line.get("rate_minor").toString()))));
        }
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((kind, amounts) -> assertThat(actual.get(kind)).as(kind).containsExactlyInAnyOrderElementsOf(amounts));
        long net = sum(expected);
        long vat = round(BigDecimal.valueOf(net).multiply(BigDecimal.valueOf(vatBp)).movePointLeft(4));
        Map<?, ?> read = floor.world.merchant(this).get().uri("/api/v1/invoices/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Number) read.get("net_minor")).longValue()).isEqualTo(net);
        assertThat(((Number) read.get("vat_minor")).longValue()).isEqualTo(vat);
        assertThat(((Number) read.get("total_minor")).longValue()).isEqualTo(net + vat);
        assertThat(read.get("status")).isEqualTo("finalised");

        String csv = floor.world.merchant(this).get().uri("/api/v1/invoices/{id}/lines.csv", id).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        List<String> rows = csv.lines().toList();
        assertThat(rows).hasSize(lines.size() + 1);
        assertThat(rows.subList(1, rows.size()).stream().mapToLong(row -> Long.parseLong(row.split(",")[row.split(",").length - 2])).sum())
                .isEqualTo(net);

        byte[] pdf = floor.world.merchant(this).get().uri("/api/v1/invoices/{id}/pdf", id).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Invoice " + invoice.get("number"))
                    .contains("Net " + euros(net)).contains("Total EUR " + euros(net + vat)).contains(euros(vat))
                    .contains("Due on: " + read.get("due_on"));
            Map<?, ?> account = admin().get().uri("/api/v1/admin/billing/merchants/{id}/account", floor.world.merchantId).exchange()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(text).contains((String) account.get("legal_name"));
            for (Map.Entry<String, List<Long>> kind : expected.entrySet()) {
                assertThat(text).as(kind.getKey()).contains(ChargeKind.of(kind.getKey()).heading);
            }
        }
    }

    private static String euros(long minor) {
        return BigDecimal.valueOf(minor).movePointLeft(2).toPlainString();
    }

    private static long round(BigDecimal minor) {
        return minor.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static BigDecimal price(Map<?, ?> shipment) {
        assertThat(shipment.get("currency")).isEqualTo("EUR");
        return BigDecimal.valueOf(((Number) shipment.get("price_minor")).longValue());
    }

    private static void expect(Map<String, List<Long>> expected, String kind, long... amounts) {
        for (long amount : amounts) {
            expected.computeIfAbsent(kind, k -> new ArrayList<>()).add(amount);
        }
    }

    private static long sum(Map<String, List<Long>> expected) {
        return expected.values().stream().flatMap(List::stream).mapToLong(Long::longValue).sum();
    }

    private static long sequence(Map<?, ?> invoice) {
        String number = (String) invoice.get("number");
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }

    private void account(BillingFloor floor, String currency, int vatBp, String legalName, String address) {
        admin().put().uri("/api/v1/admin/billing/merchants/{id}/account", floor.world.merchantId)
                .bodyValue(Map.of("currency", currency, "vat_rate_bp", vatBp, "legal_name", legalName, "address", address, "payment_terms_days", 14))
                .exchange().expectStatus().isOk();
    }

    private void rateCard(BillingFloor floor, Map<String, Object> rates) {
        admin().post().uri("/api/v1/admin/billing/merchants/{id}/rate-cards", floor.world.merchantId)
                .bodyValue(Map.of("currency", "EUR", "effective_from", "2020-01-01", "rates", rates))
                .exchange().expectStatus().isCreated();
    }

    private Map<String, Object> snapshots(LocalDate upTo) {
        return admin().post().uri("/api/v1/admin/billing/storage-snapshots").bodyValue(Map.of("up_to", upTo.toString()))
                .exchange().expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> snapshotRows(BillingFloor floor, LocalDate day) {
        return admin().get().uri("/api/v1/admin/billing/merchants/{id}/storage-snapshots?day={day}", floor.world.merchantId, day).exchange()
                .expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }

    private Map<String, Object> draft(BillingFloor floor, YearMonth month) {
        return admin().post().uri("/api/v1/admin/billing/merchants/{id}/invoices", floor.world.merchantId).bodyValue(Map.of("period", month.toString()))
                .exchange().expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    private Map<String, Object> finalise(BillingFloor floor, YearMonth month) {
        String id = (String) draft(floor, month).get("id");
        Map<String, Object> invoice = admin().post().uri("/api/v1/admin/billing/invoices/{id}/finalise", id).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(invoice.get("status")).isEqualTo("finalised");
        return new LinkedHashMap<>(invoice);
    }
}
