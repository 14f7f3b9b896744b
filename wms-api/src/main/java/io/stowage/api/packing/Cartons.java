package io.stowage.api.packing;

import io.r2dbc.spi.Readable;
import io.stowage.api.Published;
import io.stowage.api.database.Params;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Packing's published query: a carton by id (of the merchant, or of anyone when the merchant is null)
 * and the cartons of an order in parcel order, each with its lines. An order's number is its id:
 * orders have no other reference yet.
 */
@Service
@Published
public class Cartons {

    private static final String SELECT = """
            SELECT c.id, c.merchant_id, c.node_id, c.order_id, c.session_id, c.carton_number, c.status, c.box_type_code, c.length_mm,
                   c.width_mm, c.height_mm, c.weight_grams, c.expected_weight_grams, c.recheck_reason, c.packer_name, c.opened_at,
                   c.closed_at, l.line_no, l.variant_id, l.sku, l.lot_key, l.lot_number, l.quantity
            FROM cartons c LEFT JOIN carton_lines l ON l.carton_id = c.id
            """;

    private final DatabaseClient db;

    Cartons(DatabaseClient db) {
        this.db = db;
    }

    /** The carton, when it exists and belongs to the merchant (any merchant's when {@code merchantIdOrNull} is null). */
    public Mono<CartonView> byId(UUID merchantIdOrNull, UUID cartonId) {
        return db.sql(SELECT + " WHERE c.id = :carton AND (CAST(:merchant AS uuid) IS NULL OR c.merchant_id = :merchant) ORDER BY l.line_no, l.lot_key")
                .bind("carton", cartonId).bind("merchant", Params.nullable(merchantIdOrNull, UUID.class))
                .map(Cartons::row).all().collectList()
                .flatMapMany(Cartons::views).next();
    }

    /** The order's cartons, parcel 1 first, whatever their status. */
    public Flux<CartonView> ofOrder(UUID orderId) {
        return db.sql(SELECT + " WHERE c.order_id = :order ORDER BY c.carton_number, l.line_no, l.lot_key")
                .bind("order", orderId)
                .map(Cartons::row).all().collectList()
                .flatMapMany(Cartons::views);
    }

    /** The cartons opened in a pack session, by order and parcel number. */
    Flux<CartonView> ofSession(UUID sessionId) {
        return db.sql(SELECT + " WHERE c.session_id = :session ORDER BY c.order_id, c.carton_number, l.line_no, l.lot_key")
                .bind("session", sessionId)
                .map(Cartons::row).all().collectList()
                .flatMapMany(Cartons::views);
    }

    /** A carton row joined with one of its lines (or none). */
    private record Row(CartonView carton, CartonView.Line line) {
    }

    private static Row row(Readable row) {
        UUID orderId = row.get("order_id", UUID.class);
        CartonView carton = new CartonView(row.get("id", UUID.class), row.get("merchant_id", UUID.class), row.get("node_id", UUID.class), orderId,
                orderId.toString(), row.get("session_id", UUID.class), row.get("carton_number", Integer.class), row.get("status", String.class),
                row.get("box_type_code", String.class), row.get("length_mm", Integer.class), row.get("width_mm", Integer.class),
                row.get("height_mm", Integer.class), row.get("weight_grams", Integer.class), row.get("expected_weight_grams", Integer.class),
                row.get("recheck_reason", String.class), row.get("packer_name", String.class), row.get("opened_at", OffsetDateTime.class),
                row.get("closed_at", OffsetDateTime.class), List.of());
        CartonView.Line line = row.get("line_no", Integer.class) == null ? null
                : new CartonView.Line(row.get("line_no", Integer.class), row.get("variant_id", UUID.class), row.get("sku", String.class),
                        row.get("lot_key", UUID.class), row.get("lot_number", String.class), row.get("quantity", Integer.class));
        return new Row(carton, line);
    }

    private static Flux<CartonView> views(List<Row> rows) {
        Map<UUID, CartonView> cartons = new LinkedHashMap<>();
        Map<UUID, List<CartonView.Line>> lines = new LinkedHashMap<>();
        for (Row row : rows) {
            cartons.putIfAbsent(row.carton().id(), row.carton());
            List<CartonView.Line> ofCarton = lines.computeIfAbsent(row.carton().id(), id -> new ArrayList<>());
            if (row.line() != null) {
                ofCarton.add(row.line());
            }
        }
        return Flux.fromIterable(cartons.values()).map(carton -> withLines(carton, lines.get(carton.id())));
    }

    private static CartonView withLines(CartonView c, List<CartonView.Line> lines) {
        return new CartonView(c.id(), c.merchantId(), c.nodeId(), c.orderId(), c.orderNumber(), c.sessionId(), c.cartonNumber(), c.status(),
                c.boxTypeCode(), c.lengthMm(), c.widthMm(), c.heightMm(), c.weightGrams(), c.expectedWeightGrams(), c.recheckReason(),
                c.packerName(), c.openedAt(), c.closedAt(), lines);
    }
}
