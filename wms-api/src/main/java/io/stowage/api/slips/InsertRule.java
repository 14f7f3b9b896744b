package io.stowage.api.slips;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * A merchant's rule for an insert: {@code quantity} units of {@code sku} go into the parcels of
 * the orders the rule picks, once per order or in every carton ({@code oncePer}).
 * <ul>
 * <li>{@code nth_order}: the customer's {@code nthOrder}-th order (a gift on the fifth order);</li>
 * <li>{@code first_order}: the customer's first order (a sample);</li>
 * <li>{@code channel}: every order of the sales {@code channel} (a leaflet).</li>
 * </ul>
 * A {@code channel} on the other kinds narrows them to that channel's orders.
 */
record InsertRule(UUID id, Kind kind, String sku, int quantity, Integer nthOrder, String channel, OncePer oncePer, boolean active,
                  String description, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    enum Kind {
        NTH_ORDER, FIRST_ORDER, CHANNEL;

        String db() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind fromDb(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    enum OncePer {
        ORDER, CARTON;

        String db() {
            return name().toLowerCase(Locale.ROOT);
        }

        static OncePer fromDb(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * Whether the order gets this insert: the channel matches (when the rule names one) and, for the
     * order-count kinds, the order is the customer's first or {@code nthOrder}-th. An order whose
     * customer is not known ({@code orderOrdinal} null: no e-mail address) gets no order-count insert.
     */
    boolean appliesTo(String orderChannel, Integer orderOrdinal) {
        if (!active || (channel != null && !channel.equals(orderChannel))) {
            return false;
        }
        return switch (kind) {
            case CHANNEL -> true;
            case FIRST_ORDER -> orderOrdinal != null && orderOrdinal == 1;
            case NTH_ORDER -> orderOrdinal != null && orderOrdinal.equals(nthOrder);
        };
    }
}
