package io.stowage.api.notifications;

/** The words of the email a waiting shopper gets; written when queued, so retries send the same text. */
record BackInStockEmail(String subject, String body) {

    static BackInStockEmail of(String variantName, String sku, String merchantName) {
        return new BackInStockEmail(
                variantName + " is back in stock",
                "Hello,\n\n"
                        + variantName + " (SKU " + sku + ") is back in stock at " + merchantName + ".\n\n"
                        + "You asked to be told when it returned. This is the only message you will get about it;"
                        + " subscribe again in the shop if you want to hear next time too.\n\n"
                        + merchantName + "\n");
    }
}
