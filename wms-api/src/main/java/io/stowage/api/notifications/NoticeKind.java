package io.stowage.api.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a customer is told; {@code key} names it in the database, the API and the message bundle.
 * <p>
 * A customer hears of a parcel in the order of its life: the order confirmed, then the parcel shipped
 * (with the tracking link), then what happened after, in the order it happened. So a notice
 * {@linkplain #waitsFor() waits} while the one before it in that order is still to be sent on the same
 * channel (after the shipped notice, a notice of earlier news of the parcel). A later notice is dropped
 * rather than sent once newer news it {@linkplain #staleOnce() goes stale on} is known for the parcel:
 * the customer is not told "out for delivery" of a parcel already delivered.
 */
enum NoticeKind {
    ORDER_CONFIRMED("order_confirmed"),
    SHIPPED("shipped"),
    OUT_FOR_DELIVERY("out_for_delivery"),
    READY_FOR_PICKUP("ready_for_pickup"),
    DELIVERED("delivered"),
    DELAYED("delayed"),
    EXCEPTION("exception");

    final String key;

    NoticeKind(String key) {
        this.key = key;
    }

    static NoticeKind fromKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown notice kind " + key));
    }

    /**
     * The notice this one is sent after, on the same channel: the order's confirmation before a parcel's
     * shipped notice, and the parcel's shipped notice before anything else about the parcel (which then
     * goes in the order its news happened); null for the confirmation, which comes first.
     */
    NoticeKind waitsFor() {
        return switch (this) {
            case ORDER_CONFIRMED -> null;
            case SHIPPED -> ORDER_CONFIRMED;
            default -> SHIPPED;
        };
    }

    /**
     * The parcel's later news that makes this notice stale: delivered ends every earlier news; waiting at a
     * pickup point ends "out for delivery" (an attempt failed and the parcel went to the point); a parcel
     * out for delivery or at a pickup point answers "when will it come" better than "it is late". Shipped
     * is never stale: it carries the tracking link and the carrier, and is always the parcel's first notice.
     */
    List<NoticeKind> staleOnce() {
        return switch (this) {
            case ORDER_CONFIRMED, SHIPPED, DELIVERED -> List.of();
            case OUT_FOR_DELIVERY -> List.of(READY_FOR_PICKUP, DELIVERED);
            case READY_FOR_PICKUP, EXCEPTION -> List.of(DELIVERED);
            case DELAYED -> List.of(OUT_FOR_DELIVERY, READY_FOR_PICKUP, DELIVERED);
        };
    }

    /** {@link #staleOnce()} of every kind as SQL over a notice {@code n}: the text array of the kinds that make it stale. */
    static String staleOnceSql() {
        return Arrays.stream(values())
                .filter(kind -> !kind.staleOnce().isEmpty())
                .map(kind -> "WHEN '" + kind.key + "' THEN ARRAY[" + kind.staleOnce().stream().map(later -> "'" + later.key + "'")
                        .collect(Collectors.joining(", ")) + "]")
                .collect(Collectors.joining(" ", "CASE n.kind ", " ELSE CAST(ARRAY[] AS text[]) END"));
    }
}
