package io.stowage.api.input;

/**
 * The most units one line may carry: an order line, an ASN line, a receipt, a move, a stock
 * adjustment, a pick confirmation or a counted line. Far above any real line (a pallet of small
 * parts holds a few tens of thousands), far below where sums of lines could overflow an int, so a
 * typo or a fuzzer's 2,147,483,647 is refused instead of becoming stock or a reservation.
 */
public final class LineQuantity {

    public static final int MAX = 100_000;

    private LineQuantity() {
    }
}
