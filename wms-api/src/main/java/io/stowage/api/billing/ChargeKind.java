package io.stowage.api.billing;

import java.util.List;

/** The kinds of charge lines, in the order an invoice lists them, with the heading its PDF groups them under. */
enum ChargeKind {
    STORAGE_LOCATION("storage_location", "Storage per location and day"),
    STORAGE_VOLUME("storage_volume", "Storage per cubic metre and day"),
    RECEIVING_UNIT("receiving_unit", "Receiving per unit"),
    RECEIVING_CARTON("receiving_carton", "Receiving per carton"),
    RECEIVING_PALLET("receiving_pallet", "Receiving per pallet"),
    PUTAWAY_UNIT("putaway_unit", "Putaway per unit"),
    PICK_ORDER("pick_order", "Picking per order"),
    PICK_EXTRA_LINE("pick_extra_line", "Picking per extra line"),
    PICK_UNIT("pick_unit", "Picking per unit"),
    PACK_CARTON("pack_carton", "Packing per carton"),
    PACKAGING("packaging", "Packaging materials"),
    LABEL("label", "Shipping labels"),
    SHIPPING("shipping", "Shipping (carrier cost and markup)"),
    RETURN_ITEM("return_item", "Returns per item"),
    RETURN_GRADE("return_grade", "Returns per grade"),
    CYCLE_COUNT("cycle_count", "Cycle counts"),
    MANUAL("manual", "Other charges"),
    MONTHLY_MINIMUM("monthly_minimum", "Monthly minimum");

    final String code;
    final String heading;

    ChargeKind(String code, String heading) {
        this.code = code;
        this.heading = heading;
    }

    static final List<ChargeKind> ORDER = List.of(values());

    static ChargeKind of(String code) {
        for (ChargeKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no charge kind " + code);
    }
}
