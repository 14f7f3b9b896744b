package io.stowage.api.orders;

import io.stowage.api.Published;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an order is in its life, and which moves are allowed. Allocation decides between
 * allocated, partially allocated and backordered; the warehouse workflows take it from released to
 * shipped; a carrier delivers it. Until it ships, the merchant may put it on hold or cancel it.
 */
@Published
public enum OrderStatus {
    ACCEPTED, ALLOCATED, PARTIALLY_ALLOCATED, BACKORDERED, RELEASED, PICKED, PACKED, SHIPPED, DELIVERED, CANCELLED, ON_HOLD;

    private static final Set<OrderStatus> BEFORE_SHIPPING =
            EnumSet.of(ACCEPTED, ALLOCATED, PARTIALLY_ALLOCATED, BACKORDERED, RELEASED, PICKED, PACKED);

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** True when nothing more can happen to the order. */
    public boolean isFinal() {
        return this == DELIVERED || this == CANCELLED;
    }

    /** An order waiting for stock may get it; a held or finished one may not. */
    public boolean takesStock() {
        return this == ACCEPTED || this == BACKORDERED || this == PARTIALLY_ALLOCATED;
    }

    /** The next statuses this one may move to; leaving {@link #ON_HOLD} goes back to the status it was held in. */
    public Set<OrderStatus> next() {
        Set<OrderStatus> next = switch (this) {
            case ACCEPTED -> EnumSet.of(ALLOCATED, PARTIALLY_ALLOCATED, BACKORDERED);
            case BACKORDERED -> EnumSet.of(PARTIALLY_ALLOCATED, ALLOCATED);
            // A lot found short before picking gives its units back to wait: the order waits with them.
            case PARTIALLY_ALLOCATED -> EnumSet.of(ALLOCATED, RELEASED, BACKORDERED);
            case ALLOCATED -> EnumSet.of(RELEASED, PARTIALLY_ALLOCATED, BACKORDERED);
            // A short pick sends units back to wait for stock: the order waits with them.
            case RELEASED -> EnumSet.of(PICKED, PARTIALLY_ALLOCATED, BACKORDERED);
            // Units missing at the pack station go back to allocation: the order waits for them again.
            case PICKED -> EnumSet.of(PACKED, PARTIALLY_ALLOCATED, BACKORDERED);
            case PACKED -> EnumSet.of(SHIPPED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case ON_HOLD -> EnumSet.copyOf(BEFORE_SHIPPING);
            case DELIVERED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
        if (BEFORE_SHIPPING.contains(this)) {
            next.add(CANCELLED);
            next.add(ON_HOLD);
        }
        if (this == ON_HOLD) {
            next.add(CANCELLED);
        }
        return next;
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }
}
