package io.stowage.api.slips;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What one carton's packing slip says, in the customer's language: the order and customer, the
 * carton's lines, the gift message, the inserts a merchant's rules put in, and the packer who
 * signs it. {@code cartonCount} is null until the order is packed and the number of its parcels known.
 */
record PackingSlip(UUID cartonId, UUID orderId, String merchantName, String orderNumber, int cartonNumber, Integer cartonCount,
                   String customerName, String language, String giftMessage, String packerName, List<Line> lines, List<Insert> inserts,
                   OffsetDateTime closedAt) {

    PackingSlip {
        lines = List.copyOf(lines);
        inserts = List.copyOf(inserts);
    }

    /** Units of one order line in the carton; size and colour are null where the variant has none. */
    record Line(int lineNo, String sku, String name, String size, String colour, int quantity) {
    }

    /**
     * An insert a rule chose for this carton: {@code taken} from stock into the carton, or
     * {@code out_of_stock} (then not in the carton, and not printed).
     */
    record Insert(String sku, String name, int quantity, String kind, UUID ruleId, String status) {

        static final String TAKEN = "taken";
        static final String OUT_OF_STOCK = "out_of_stock";

        boolean inCarton() {
            return TAKEN.equals(status);
        }
    }
}
