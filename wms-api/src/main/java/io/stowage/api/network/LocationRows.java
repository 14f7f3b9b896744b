package io.stowage.api.network;

import io.r2dbc.spi.Readable;
import java.util.UUID;

/** The mappings between {@code locations} rows and {@link LocationRef} and {@link Location}. */
final class LocationRows {

    static final String REF_COLUMNS = """
            l.id, l.node_id, l.code, l.type, l.aisle, l.bay, l.level, l.x_mm, l.y_mm,
            l.pick_face_variant_id, l.pick_face_min, l.active""";

    /** Selects a location with its zone and pick face by name; add WHERE and ORDER BY. */
    static final String VIEW_SELECT = """
            SELECT l.id, l.code, z.code AS zone_code, l.type, l.aisle, l.bay, l.level, l.x_mm, l.y_mm,
                   l.pick_face_variant_id, v.merchant_id AS pick_face_merchant_id, v.sku AS pick_face_sku,
                   l.pick_face_min, l.active
            FROM locations l
            LEFT JOIN zones z ON z.id = l.zone_id
            LEFT JOIN variants v ON v.id = l.pick_face_variant_id
            """;

    private LocationRows() {
    }

    static LocationRef ref(Readable row) {
        return new LocationRef(row.get("id", UUID.class), row.get("node_id", UUID.class), row.get("code", String.class),
                row.get("type", String.class), row.get("aisle", Integer.class), row.get("bay", Integer.class),
                row.get("level", Integer.class), row.get("x_mm", Integer.class), row.get("y_mm", Integer.class),
                row.get("pick_face_variant_id", UUID.class), row.get("pick_face_min", Integer.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)));
    }

    static Location view(Readable row) {
        UUID variantId = row.get("pick_face_variant_id", UUID.class);
        Location.PickFace pickFace = variantId == null ? null
                : new Location.PickFace(row.get("pick_face_merchant_id", UUID.class), variantId, row.get("pick_face_sku", String.class));
        return new Location(row.get("id", UUID.class), row.get("code", String.class), row.get("zone_code", String.class),
                row.get("type", String.class), row.get("aisle", Integer.class), row.get("bay", Integer.class),
                row.get("level", Integer.class), row.get("x_mm", Integer.class), row.get("y_mm", Integer.class),
                pickFace, row.get("pick_face_min", Integer.class), Boolean.TRUE.equals(row.get("active", Boolean.class)));
    }
}
