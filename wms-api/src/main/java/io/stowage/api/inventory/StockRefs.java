package io.stowage.api.inventory;

import io.stowage.api.Published;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.database.Params;
import io.stowage.api.network.LocationRef;
import io.stowage.api.network.Network;
import io.stowage.api.problem.ApiProblem;
import io.stowage.barcodes.gs1.Gtin;
import io.stowage.barcodes.gs1.InvalidBarcodeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Turns what a worker scans or a request names (location code, SKU or GTIN, lot number) into the
 * rows stock is kept against, with the problem a person can act on when it does not fit. Variants
 * come from the catalog's {@link Variants}, locations from {@link Network}; lots are inventory's own.
 */
@Service
@Published
public class StockRefs {

    private final DatabaseClient db;
    private final Variants variants;
    private final Network network;

    public StockRefs(DatabaseClient db, Variants variants, Network network) {
        this.db = db;
        this.variants = variants;
        this.network = network;
    }

    /** An active location of this node; a code of another node is refused as such. */
    public Mono<LocationRef> location(UUID nodeId, String field, String code) {
        return network.scannedLocation(nodeId, field, code);
    }

    /**
     * The variant named by SKU or scanned GTIN. Without a merchant (a worker scanning on the floor)
     * the code must belong to exactly one merchant.
     */
    public Mono<VariantRef> variant(UUID merchantId, String sku, String gtin) {
        return variant(merchantId, sku, gtin, null);
    }

    /**
     * As {@link #variant(UUID, String, String)}, but when several merchants sell the scanned code,
     * the one whose stock is at {@code scannedAt} is meant: that is what the worker holds.
     */
    public Mono<VariantRef> variant(UUID merchantId, String sku, String gtin, UUID scannedAt) {
        if ((sku == null) == (gtin == null)) {
            return Mono.error(ApiProblem.invalid("sku", "name the variant by exactly one of sku or gtin"));
        }
        String normalizedGtin;
        try {
            normalizedGtin = gtin == null ? null : Gtin.parse(gtin).toGtin14();
        } catch (InvalidBarcodeException e) {
            return Mono.error(ApiProblem.invalid("gtin", e.getMessage()));
        }
        String field = sku != null ? "sku" : "gtin";
        String key = sku != null ? sku : gtin;
        return variants.bySkuOrGtin(merchantId, sku, normalizedGtin).collectList()
                .flatMap(candidates -> candidates.size() > 1 && scannedAt != null
                        ? heldAt(scannedAt, candidates).flatMap(here -> pickOne(candidates, here, field, key))
                        : pickOne(candidates, Set.of(), field, key));
    }

    /** Which of the candidates the location holds units of: a code several merchants sell means the one on that shelf. */
    private Mono<Set<UUID>> heldAt(UUID locationId, List<VariantRef> candidates) {
        return db.sql("SELECT DISTINCT variant_id FROM stock_balances WHERE location_id = :at AND variant_id = ANY(:variants) AND on_hand > 0")
                .bind("at", locationId)
                .bind("variants", candidates.stream().map(VariantRef::id).toArray(UUID[]::new))
                .map(row -> row.get("variant_id", UUID.class))
                .all().collect(Collectors.toSet());
    }

    private static Mono<VariantRef> pickOne(List<VariantRef> candidates, Set<UUID> here, String field, String key) {
        List<VariantRef> held = candidates.stream().filter(variant -> here.contains(variant.id())).toList();
        List<VariantRef> found = candidates.size() > 1 && held.size() == 1 ? held : candidates;
        if (found.isEmpty()) {
            return Mono.error(ApiProblem.invalid(field, "no variant has the " + field + " " + key));
        }
        if (found.size() > 1) {
            return Mono.error(ApiProblem.invalid("merchant_id", "several merchants have the " + field + " " + key + "; send merchant_id"));
        }
        return Mono.just(found.get(0));
    }

    /**
     * The lot to book units under: none for untracked variants, required for tracked ones. Receiving
     * creates a lot on first sight; other work only finds existing lots.
     */
    public Mono<UUID> lot(VariantRef variant, String lotNumber, LocalDate expiresOn, boolean createIfNew) {
        if (!variant.lotTracked() && !variant.expiryTracked()) {
            if (lotNumber != null || expiresOn != null) {
                return Mono.error(ApiProblem.invalid("lot_number", "variant " + variant.sku() + " is not lot-tracked"));
            }
            return Mono.empty();
        }
        if (lotNumber == null || lotNumber.isBlank()) {
            return Mono.error(ApiProblem.invalid("lot_number", "variant " + variant.sku() + " is lot-tracked: a lot number is required"));
        }
        if (!createIfNew) {
            return db.sql("SELECT id FROM lots WHERE variant_id = :variant AND lot_number = :lot")
                    .bind("variant", variant.id()).bind("lot", lotNumber)
                    .map(row -> row.get("id", UUID.class)).one()
                    .switchIfEmpty(Mono.error(() -> ApiProblem.invalid("lot_number", "lot " + lotNumber + " of " + variant.sku() + " is not in stock")));
        }
        if (variant.expiryTracked() && expiresOn == null) {
            return Mono.error(ApiProblem.invalid("expires_on", "variant " + variant.sku() + " tracks expiry: the expiry date is required"));
        }
        return db.sql("""
                        INSERT INTO lots (merchant_id, variant_id, lot_number, expires_on) VALUES (:merchant, :variant, :lot, :expires)
                        ON CONFLICT (variant_id, lot_number) DO UPDATE SET lot_number = EXCLUDED.lot_number
                        RETURNING id, expires_on
                        """)
                .bind("merchant", variant.merchantId()).bind("variant", variant.id()).bind("lot", lotNumber)
                .bind("expires", Params.nullable(expiresOn, LocalDate.class))
                .map(row -> new Object[] {row.get("id", UUID.class), row.get("expires_on", LocalDate.class)})
                .one()
                .flatMap(row -> expiresOn != null && row[1] != null && !expiresOn.equals(row[1])
                        ? Mono.error(ApiProblem.invalid("expires_on", "lot " + lotNumber + " was received before with expiry " + row[1]))
                        : Mono.just((UUID) row[0]));
    }
}
