package io.stowage.api.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.boxes.BoxType;
import io.stowage.api.counts.RequestedCounts;
import io.stowage.api.inbound.ReceivedHandlingUnits;
import io.stowage.api.packing.ClosedCartons;
import io.stowage.api.picking.PickedOrders;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.returns.ReturnedItems;
import io.stowage.api.shipping.ShipmentCosts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Pricing rules on their own: the version in force on a cause's date, each rate kind, and one rounding per line, half up. */
class ChargeRulesTest {

    private static final UUID MERCHANT = UUID.randomUUID();

    private static Rates rates(Long pickPerOrder, Long pickPerExtraLine, Integer packagingMarkupBp, Integer shippingMarkupBp, Long shippingFixed,
                               Long perCubicMetre, Long monthlyMinimum) {
        return new Rates(Map.of("reserve", 50L), perCubicMetre, null, null, null, null, pickPerOrder, pickPerExtraLine, null, null,
                packagingMarkupBp, null, shippingMarkupBp, shippingFixed, null, null, null, monthlyMinimum);
    }

    private static RateCards.RateCard card(String from, String to, Rates rates) {
        return new RateCards.RateCard(UUID.randomUUID(), MERCHANT, "EUR", LocalDate.parse(from), to == null ? null : LocalDate.parse(to), rates, null);
    }

    @Test
    void eachCauseIsPricedByTheVersionInForceOnItsOwnDate() {
        ChargeRules rules = new ChargeRules(List.of(card("2026-01-01", "2026-03-01", rates(100L, 30L, null, null, null, null, null)),
                card("2026-03-01", null, rates(120L, null, null, null, null, null, null))), "EUR");
        List<Charge> charges = rules.picks(List.of(
                new PickedOrders.PickedOrder(UUID.randomUUID(), 3, 5, Instant.parse("2026-02-28T23:59:59Z")),
                new PickedOrders.PickedOrder(UUID.randomUUID(), 3, 5, Instant.parse("2026-03-01T00:00:00Z")),
                new PickedOrders.PickedOrder(UUID.randomUUID(), 1, 1, Instant.parse("2025-12-31T12:00:00Z"))));
        assertThat(charges).extracting(Charge::kind, Charge::quantity, Charge::amountMinor).containsExactly(
                org.assertj.core.groups.Tuple.tuple("pick_order", BigDecimal.ONE, 100L),
                org.assertj.core.groups.Tuple.tuple("pick_extra_line", BigDecimal.valueOf(2), 60L),
                // March's version has no extra-line price: no line for it; before any version, nothing at all.
                org.assertj.core.groups.Tuple.tuple("pick_order", BigDecimal.ONE, 120L));
    }

    @Test
    void markupsAreExactUntilTheLineIsRoundedOnceHalfUp() {
        ChargeRules rules = new ChargeRules(List.of(card("2026-01-01", null, rates(null, null, 1000, 1000, null, 1500L, null))), "EUR");
        Instant at = Instant.parse("2026-05-05T10:00:00Z");
        BoxType box = new BoxType("BOX-S", "Small", false, 300, 200, 100, 100, 5000, 85, 25, "EUR", true);
        List<Charge> packaging = rules.cartons(List.of(new ClosedCartons.ClosedCarton(UUID.randomUUID(), UUID.randomUUID(), 1, "BOX-S", at)),
                Map.of("BOX-S", box));
        // 25 × 1.10 = 27.5: half up to 28.
        assertThat(packaging).singleElement().satisfies(line -> {
            assertThat(line.rateMinor()).isEqualByComparingTo("27.5");
            assertThat(line.amountMinor()).isEqualTo(28);
        });
        List<Charge> shipping = rules.shipments(List.of(new ShipmentCosts.LabelCost(UUID.randomUUID(), "1001", 1, "sandbox", "standard", "SBX1",
                415L, "EUR", at)));
        // 415 × 1.10 = 456.5: half up to 457.
        assertThat(shipping).singleElement().extracting(Charge::amountMinor).isEqualTo(457L);
        List<Charge> storage = rules.storage(List.of(new ChargeRules.StorageDay(LocalDate.parse("2026-05-05"), Map.of("reserve", 2), 3 * 1_500_000L)));
        // 0.0045 m³ × 15.00 = 6.75 cents: 7; and two reserve locations × 50.
        assertThat(storage).extracting(Charge::kind, Charge::amountMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("storage_location", 100L), org.assertj.core.groups.Tuple.tuple("storage_volume", 7L));
    }

    @Test
    void aFixedShippingMarkupIsAddedPerShipmentAndTheMinimumTopsUpOnlyWhatIsMissing() {
        ChargeRules rules = new ChargeRules(List.of(card("2026-01-01", null, rates(null, null, null, null, 150L, null, 10_000L))), "EUR");
        assertThat(rules.shipments(List.of(new ShipmentCosts.LabelCost(UUID.randomUUID(), "1001", 1, "sandbox", "standard", "SBX1", 415L, "EUR",
                Instant.parse("2026-05-05T10:00:00Z"))))).singleElement().extracting(Charge::amountMinor).isEqualTo(565L);
        assertThat(rules.monthlyMinimum(LocalDate.parse("2026-05-01"), "2026-05", 9_000)).get().extracting(Charge::amountMinor).isEqualTo(1_000L);
        assertThat(rules.monthlyMinimum(LocalDate.parse("2026-05-01"), "2026-05", 10_000)).isEmpty();
    }

    @Test
    void aCostInAnotherCurrencyThanTheMerchantsIsRefused() {
        ChargeRules rules = new ChargeRules(List.of(card("2026-01-01", null, rates(null, null, 1000, 1000, null, null, null))), "UAH");
        assertThatThrownBy(() -> rules.shipments(List.of(new ShipmentCosts.LabelCost(UUID.randomUUID(), "1001", 1, "sandbox", "standard", "SBX1",
                415L, "EUR", Instant.parse("2026-05-05T10:00:00Z")))))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("billed in UAH");
    }

    @Test
    void returnsAreChargedPerItemAndPerGradeCartonsAndPalletsAsReceivedAndRequestedCountsPerLocation() {
        Rates rates = new Rates(Map.of(), null, 10L, 45L, 300L, null, null, null, null, null, null, null, null, null, 90L,
                Map.of("restock", 60L, "dispose", 150L), 700L, null);
        ChargeRules rules = new ChargeRules(List.of(card("2026-01-01", null, rates)), "EUR");
        Instant at = Instant.parse("2026-05-31T23:30:00Z");
        UUID returnId = UUID.randomUUID();
        List<Charge> returns = rules.returns(List.of(
                new ReturnedItems.ReturnedItem(returnId, "RMA-ABCDEFGHJK", UUID.randomUUID(), UUID.randomUUID(), "TEE-M", 2, "restock", at, 41),
                new ReturnedItems.ReturnedItem(returnId, "RMA-ABCDEFGHJK", UUID.randomUUID(), UUID.randomUUID(), "TEE-L", 1, "dispose", at, 42),
                // A grade without a price of its own is charged per item only.
                new ReturnedItems.ReturnedItem(returnId, "RMA-ABCDEFGHJK", UUID.randomUUID(), UUID.randomUUID(), "TEE-S", 1, "quarantine", at, 43)));
        assertThat(returns).extracting(Charge::kind, Charge::causeId, Charge::quantity, Charge::amountMinor, Charge::occurredOn).containsExactly(
                org.assertj.core.groups.Tuple.tuple("return_item", "41", BigDecimal.valueOf(2), 180L, LocalDate.parse("2026-05-31")),
                org.assertj.core.groups.Tuple.tuple("return_grade", "41", BigDecimal.valueOf(2), 120L, LocalDate.parse("2026-05-31")),
                org.assertj.core.groups.Tuple.tuple("return_item", "42", BigDecimal.ONE, 90L, LocalDate.parse("2026-05-31")),
                org.assertj.core.groups.Tuple.tuple("return_grade", "42", BigDecimal.ONE, 150L, LocalDate.parse("2026-05-31")),
                org.assertj.core.groups.Tuple.tuple("return_item", "43", BigDecimal.ONE, 90L, LocalDate.parse("2026-05-31")));

        UUID carton = UUID.randomUUID();
        UUID pallet = UUID.randomUUID();
        assertThat(rules.handlingUnits(List.of(
                new ReceivedHandlingUnits.HandlingUnit(carton, "carton", "CTN-1", "ASN-7", 5, at),
                new ReceivedHandlingUnits.HandlingUnit(pallet, "pallet", "376123450000000017", null, 5, at))))
                .extracting(Charge::kind, Charge::causeId, Charge::amountMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("receiving_carton", carton.toString(), 45L),
                        org.assertj.core.groups.Tuple.tuple("receiving_pallet", pallet.toString(), 300L));

        UUID count = UUID.randomUUID();
        assertThat(rules.counts(List.of(new RequestedCounts.RequestedCount(count, "A-01-01-A", at))))
                .extracting(Charge::kind, Charge::causeType, Charge::causeId, Charge::amountMinor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cycle_count", "count_task", count.toString(), 700L));
        // Before any version is in force, none of them is charged.
        Instant before = Instant.parse("2025-12-31T12:00:00Z");
        assertThat(rules.counts(List.of(new RequestedCounts.RequestedCount(count, "A-01-01-A", before)))).isEmpty();
    }
}
