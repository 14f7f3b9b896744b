package io.stowage.api.boxes;

import io.r2dbc.spi.Readable;
import io.stowage.api.database.Params;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads box types as a merchant sees them: its own and the 3PL's, its own shadowing a 3PL box of the
 * same code.
 */
@Component
class BoxTypeStore {

    static final String COLUMNS = """
            b.id, b.merchant_id, b.code, b.name, b.inner_length_mm, b.inner_width_mm, b.inner_height_mm, b.tare_g, b.max_weight_g,
            b.max_fill_percent, b.cost_minor, b.currency, b.active
            """;

    private final DatabaseClient db;

    BoxTypeStore(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The active box types the merchant may pack in, one per code; with a node, without those the node
     * counts and has none of (a node that keeps no count of a box type is assumed to have it).
     */
    Flux<BoxType> offered(UUID merchantId, UUID nodeIdOrNull) {
        return db.sql("""
                        SELECT * FROM (
                            SELECT DISTINCT ON (b.code) %s
                            FROM box_types b
                            WHERE (b.merchant_id = :merchant OR b.merchant_id IS NULL) AND b.active
                            ORDER BY b.code, b.merchant_id NULLS LAST
                        ) b
                        WHERE CAST(:node AS uuid) IS NULL
                           OR NOT EXISTS (SELECT 1 FROM box_stock s WHERE s.box_type_id = b.id AND s.node_id = :node AND s.on_hand <= 0)
                        ORDER BY b.code
                        """.formatted(COLUMNS))
                .bind("merchant", merchantId)
                .bind("node", Params.nullable(nodeIdOrNull, UUID.class))
                .map(BoxTypeStore::boxType)
                .all();
    }

    /** The box a code names for the merchant: its own before the 3PL's, an active one before a retired one. */
    Mono<Row> byCode(UUID merchantId, String code) {
        return db.sql("""
                        SELECT %s FROM box_types b
                        WHERE (b.merchant_id = :merchant OR b.merchant_id IS NULL) AND b.code = :code
                        ORDER BY b.active DESC, b.merchant_id NULLS LAST
                        LIMIT 1
                        """.formatted(COLUMNS))
                .bind("merchant", merchantId).bind("code", code)
                .map(row -> new Row(row.get("id", UUID.class), boxType(row)))
                .one();
    }

    /** The box type of exactly this owner (a merchant, or the 3PL when null), retired or not. */
    Mono<Row> owned(UUID ownerOrNull, String code) {
        return db.sql("SELECT %s FROM box_types b WHERE b.merchant_id IS NOT DISTINCT FROM CAST(:owner AS uuid) AND b.code = :code"
                        .formatted(COLUMNS))
                .bind("owner", Params.nullable(ownerOrNull, UUID.class)).bind("code", code)
                .map(row -> new Row(row.get("id", UUID.class), boxType(row)))
                .one();
    }

    /**
     * A page of box types by code after {@code afterCode}: with a merchant, those it may use (its own and
     * the 3PL's it does not shadow, active ones); for the 3PL (null), its own, retired ones too.
     */
    Flux<Row> page(UUID merchantIdOrNull, String afterCode, int rows) {
        String sql = merchantIdOrNull == null
                ? "SELECT %s FROM box_types b WHERE b.merchant_id IS NULL AND b.code > :after ORDER BY b.code LIMIT :rows"
                : """
                  SELECT * FROM (
                      SELECT DISTINCT ON (b.code) %s FROM box_types b
                      WHERE (b.merchant_id = :merchant OR b.merchant_id IS NULL) AND b.active AND b.code > :after
                      ORDER BY b.code, b.merchant_id NULLS LAST
                  ) b ORDER BY b.code LIMIT :rows
                  """;
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.formatted(COLUMNS)).bind("after", afterCode).bind("rows", rows);
        if (merchantIdOrNull != null) {
            spec = spec.bind("merchant", merchantIdOrNull);
        }
        return spec.map(row -> new Row(row.get("id", UUID.class), boxType(row))).all();
    }

    /** A box type with its row id, for writes. */
    record Row(UUID id, BoxType boxType) {
    }

    static BoxType boxType(Readable row) {
        return new BoxType(
                row.get("code", String.class),
                row.get("name", String.class),
                row.get("merchant_id", UUID.class) == null,
                row.get("inner_length_mm", Integer.class),
                row.get("inner_width_mm", Integer.class),
                row.get("inner_height_mm", Integer.class),
                row.get("tare_g", Integer.class),
                row.get("max_weight_g", Integer.class),
                row.get("max_fill_percent", Integer.class),
                row.get("cost_minor", Long.class),
                row.get("currency", String.class),
                Boolean.TRUE.equals(row.get("active", Boolean.class)));
    }
}
