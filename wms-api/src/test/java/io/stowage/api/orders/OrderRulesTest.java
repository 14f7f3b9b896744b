package io.stowage.api.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.inbound.IncomingStock.Arrival;
import io.stowage.api.orders.FefoLots.LotStock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The small pure rules of orders: the status machine, FEFO with shelf-life rules, preorder dates. */
class OrderRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private static LotStock lot(String number, LocalDate expires, int free) {
        return new LotStock(UUID.randomUUID(), number, expires, free);
    }

    @Test
    void ordersMoveOnlyForwardAndCanBeHeldOrCancelledUntilTheyShip() {
        assertThat(OrderStatus.ACCEPTED.canMoveTo(OrderStatus.ALLOCATED)).isTrue();
        assertThat(OrderStatus.BACKORDERED.canMoveTo(OrderStatus.ALLOCATED)).isTrue();
        assertThat(OrderStatus.ALLOCATED.canMoveTo(OrderStatus.RELEASED)).isTrue();
        assertThat(OrderStatus.PACKED.canMoveTo(OrderStatus.SHIPPED)).isTrue();
        assertThat(OrderStatus.SHIPPED.canMoveTo(OrderStatus.DELIVERED)).isTrue();
        assertThat(OrderStatus.ALLOCATED.canMoveTo(OrderStatus.SHIPPED)).isFalse();
        assertThat(OrderStatus.PICKED.canMoveTo(OrderStatus.ALLOCATED)).isFalse();
        // A lot found short gives allocated units back to wait before picking.
        assertThat(OrderStatus.ALLOCATED.canMoveTo(OrderStatus.PARTIALLY_ALLOCATED)).isTrue();
        assertThat(OrderStatus.PARTIALLY_ALLOCATED.canMoveTo(OrderStatus.BACKORDERED)).isTrue();
        for (OrderStatus status : List.of(OrderStatus.ACCEPTED, OrderStatus.BACKORDERED, OrderStatus.ALLOCATED, OrderStatus.PACKED,
                OrderStatus.ON_HOLD)) {
            assertThat(status.canMoveTo(OrderStatus.CANCELLED)).as(status.name()).isTrue();
        }
        assertThat(OrderStatus.SHIPPED.canMoveTo(OrderStatus.CANCELLED)).isFalse();
        assertThat(OrderStatus.SHIPPED.canMoveTo(OrderStatus.ON_HOLD)).isFalse();
        assertThat(OrderStatus.CANCELLED.next()).isEmpty();
        assertThat(OrderStatus.DELIVERED.next()).isEmpty();
        assertThat(OrderStatus.ON_HOLD.canMoveTo(OrderStatus.PICKED)).isTrue();
        assertThat(OrderStatus.ON_HOLD.canMoveTo(OrderStatus.SHIPPED)).isFalse();
        assertThat(OrderStatus.ON_HOLD.canMoveTo(OrderStatus.ON_HOLD)).isFalse();
        assertThat(OrderStatus.ON_HOLD.takesStock()).isFalse();
        assertThat(OrderStatus.fromDb("partially_allocated")).isEqualTo(OrderStatus.PARTIALLY_ALLOCATED);
    }

    @Test
    void statusAfterAllocationFollowsTheWaitingUnits() {
        assertThat(OrderTransitions.afterAllocation(5, 0)).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(OrderTransitions.afterAllocation(5, 2)).isEqualTo(OrderStatus.PARTIALLY_ALLOCATED);
        assertThat(OrderTransitions.afterAllocation(5, 5)).isEqualTo(OrderStatus.BACKORDERED);
    }

    @Test
    void earliestExpiryGoesFirstAndExpiredOrShortLivedLotsNever() {
        LotStock expired = lot("L-OLD", TODAY.minusDays(1), 10);
        LotStock expiresToday = lot("L-TODAY", TODAY, 10);
        LotStock soon = lot("L-SOON", TODAY.plusDays(5), 3);
        LotStock later = lot("L-LATER", TODAY.plusDays(40), 4);
        LotStock undated = lot("L-NONE", null, 2);
        LotStock empty = lot("L-EMPTY", TODAY.plusDays(2), 0);

        List<LotStock> all = List.of(later, undated, expired, soon, expiresToday, empty);
        assertThat(FefoLots.eligible(all, TODAY, 0)).containsExactly(soon, later, undated);
        assertThat(FefoLots.eligible(all, TODAY, 30)).containsExactly(later, undated);

        List<FefoLots.Take> takes = FefoLots.take(FefoLots.eligible(all, TODAY, 0), 5);
        assertThat(takes).containsExactly(new FefoLots.Take(soon, 3), new FefoLots.Take(later, 2));
        assertThatThrownBy(() -> FefoLots.take(List.of(soon), 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPreorderIsExpectedWhenTheAsnsBringTheUnitsQueuedAheadAndItsOwn() {
        List<Arrival> arrivals = List.of(new Arrival(TODAY.plusDays(3), 5), new Arrival(TODAY.plusDays(10), 5));
        assertThat(Preorders.expectedOn(arrivals, 0, 5)).isEqualTo(TODAY.plusDays(3));
        assertThat(Preorders.expectedOn(arrivals, 3, 4)).isEqualTo(TODAY.plusDays(10));
        assertThat(Preorders.expectedOn(arrivals, 8, 3)).isNull();
        assertThat(Preorders.expectedOn(List.of(), 0, 1)).isNull();
    }

    @Test
    void addressesWithoutCoordinatesRouteFromTheirCountryInTheServedRegion() {
        assertThat(CountryCentroids.of("LT")).isPresent();
        assertThat(CountryCentroids.of("SI")).isPresent();
        assertThat(CountryCentroids.of("BR")).isEmpty();
    }
}
