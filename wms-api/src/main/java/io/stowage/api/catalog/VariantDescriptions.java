package io.stowage.api.catalog;

import io.stowage.api.Published;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a variant is told apart by a person holding it: its name, the product's name, its attributes
 * (size, colour, ...), its barcodes and whether it is tracked by lot, with one line of text that describes it the way an image's
 * alt text would ("Linen tee M Navy: size M, colour Navy"), and the merchant's picture of it when there is one, for screens at
 * the pack station.
 */
@Service
@Published
public class VariantDescriptions {

    private static final TypeReference<LinkedHashMap<String, String>> ATTRIBUTES = new TypeReference<>() { };

    private final DatabaseClient db;
    private final JsonMapper json;

    VariantDescriptions(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Published
    public record Description(UUID id, String sku, String name, String productName, Map<String, String> attributes, List<String> gtins,
                              boolean lotTracked, String altText, String imageUrl) {
    }

    /** The variants with these ids that exist, in no particular order. */
    public Flux<Description> of(Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        SELECT v.id, v.sku, v.name, v.image_url, p.name AS product_name, (v.lot_tracked OR v.expiry_tracked) AS lot_tracked, CAST(v.attributes AS text) AS attributes,
                               coalesce((SELECT array_agg(b.gtin ORDER BY b.gtin) FROM variant_barcodes b WHERE b.variant_id = v.id), '{}') AS gtins
                        FROM variants v JOIN products p ON p.id = v.product_id
                        WHERE v.id = ANY(:ids)
                        """)
                .bind("ids", variantIds.toArray(UUID[]::new))
                .map(row -> {
                    Map<String, String> attributes = json.readValue(row.get("attributes", String.class), ATTRIBUTES);
                    String name = row.get("name", String.class);
                    return new Description(row.get("id", UUID.class), row.get("sku", String.class), name, row.get("product_name", String.class),
                            attributes, List.of(row.get("gtins", String[].class)),
                            Boolean.TRUE.equals(row.get("lot_tracked", Boolean.class)), altText(name, attributes),
                            row.get("image_url", String.class));
                })
                .all();
    }

    /** The name, then each attribute as "name value": what a packer reads to tell a navy M from a navy L. */
    static String altText(String name, Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return name;
        }
        return name + ": " + attributes.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
    }
}
