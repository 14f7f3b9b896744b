package io.stowage.api.packing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The pack station's screen: the session, and per order what must go in (each line's item described
 * so the packer can tell a navy M from a navy L), what is packed, what remains, and the cartons.
 * Orders of the tote that cannot be packed (cancelled, on hold) are listed as set aside, with why.
 */
record PackSessionView(UUID id, String stationCode, String status, String packerName, UUID batchId, Integer tote, OffsetDateTime openedAt,
                       OffsetDateTime closedAt, List<OrderToPack> orders, List<SetAside> setAside) {

    record OrderToPack(UUID orderId, String orderNumber, String status, String customerName, int units, int packed, int remaining,
                       List<LineToPack> lines, List<CartonView> cartons, List<SuggestedBox> suggestedBoxes) {
    }

    /**
     * A box the cartonization suggests for the units not yet in a closed carton, cheapest total first
     * (several when they do not fit one); a null box type is an item that ships in its own packaging.
     */
    record SuggestedBox(String boxTypeCode, int lengthMm, int widthMm, int heightMm, int expectedWeightGrams, int units) {
    }

    /**
     * One order line: the item as the packer sees it (its alt text, and the merchant's picture when the
     * catalog has one), the units expected at this node, packed so far and still to pack; for a
     * lot-tracked line the same per allocated lot, so the packer knows which lot number to scan.
     */
    record LineToPack(int lineNo, String sku, String name, String altText, String imageUrl, Map<String, String> attributes,
                      List<String> gtins, boolean lotTracked, int expected, int packed, int remaining, List<LotToPack> lots) {
    }

    /** A lot allocated to a lot-tracked line: its number (and expiry) as printed on the goods, and its units. */
    record LotToPack(String lotNumber, java.time.LocalDate expiresOn, int expected, int packed, int remaining) {
    }

    record SetAside(UUID orderId, String status, String reason) {
    }
}
