package io.stowage.api.availability;

/**
 * What a store shows a shopper. Low stock means at or under the variant's threshold; preorder means
 * none is available now but an ASN brings some.
 */
public enum StockState {
    IN_STOCK, LOW_STOCK, OUT_OF_STOCK, PREORDER;

    static StockState of(int available, int incoming, int lowStockThreshold) {
        if (available > 0) {
            return available <= lowStockThreshold ? LOW_STOCK : IN_STOCK;
        }
        return incoming > 0 ? PREORDER : OUT_OF_STOCK;
    }
}
