package io.stowage.api.catalog;

import java.util.List;
import java.util.Map;

/** A catalog change that passed every check: what the writer stores, GTINs already in GTIN-14 form. */
record CatalogBatch(List<Product> products, List<Variant> variants) {

    record Product(String productCode, String name, String description) {
    }

    record Variant(String productCode, String sku, String name, Map<String, String> attributes, List<String> gtins,
                   int weightG, int lengthMm, int widthMm, int heightMm, boolean lotTracked, boolean expiryTracked,
                   int lowStockThreshold, List<String> alternatives, boolean fragile, boolean shipsSeparately, String imageUrl) {
    }
}
