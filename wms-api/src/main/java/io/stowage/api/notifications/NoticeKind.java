package io.stowage.api.notifications;

import java.util.Arrays;

/** What a customer is told; {@code key} names it in the database, the API and the message bundle. */
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
}
