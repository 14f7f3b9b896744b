package io.stowage.api.network;

import io.r2dbc.spi.Readable;
import java.util.UUID;

/** The mappings between {@code locations} rows and {@link LocationRef} and {@link Location}. */
final class LocationRows {

    static final String REF_COLUMNS = """
            l.id, l.node_id, l.code, l.type, l.aisle, l.bay, l.level, l.x_mm, l.y_mm,
            l.pick_face_variant_id, l.pick_face_min, l.active""";

    /**
     * Selects a location with its zone by name; add WHERE and ORDER BY. The pick face comes back as
     * its variant id only: {@link Locations} names it through {@code catalog.Variants}, which owns it.
     */
    static final String VIEW_SELECT = """
            SELECT l.id, l.code, z.code AS zone_code, l.type, l.aisle, l.bay, l.level, l.x_mm, l.y_mm,
                   l.pick_face_variant_id, l.pick_face_min, l.active
            FROM locations l
            LEFT JOIN zones z ON z.id = l.zone_id
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

    /** The location with its pick face's variant id only; {@code Locations.withPickFaceSkus} fills in its merchant and SKU. */
    static Location view(Readable row) {
        UUID variantId = row.get("pick_face_variant_id", UUID.class);
        Location.PickFace pickFace = variantId == null ? null
                : new Location.PickFace(null, variantId, null);
        return new Location(row.get("id", UUID.class), row.get("code", String.class), row.get("zone_code", String.class),
                row.get("type", String.class), row.get("aisle", Integer.class), row.get("bay", Integer.class),
                row.get("level", Integer.class), row.get("x_mm", Integer.class), row.get("y_mm", Integer.class),
                pickFace, row.get("pick_face_min", Integer.class), Boolean.TRUE.equals(row.get("active", Boolean.class)));
    }
}
