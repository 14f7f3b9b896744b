package io.stowage.api.returns;

import io.stowage.api.problem.ApiProblem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reads returns whole: the return, its lines, its grades and its photos. Another merchant's return is not found. */
@Service
class ReturnReads {

    /** Who a return belongs to and where it comes back: what the station checks before it touches it. */
    record Header(UUID id, UUID merchantId, UUID nodeId, String rma, UUID orderId, String status) {
    }

    private final DatabaseClient db;

    ReturnReads(DatabaseClient db) {
        this.db = db;
    }

    Mono<ReturnView> get(UUID merchantId, UUID returnId) {
        return header(returnId)
                .filter(header -> header.merchantId().equals(merchantId))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Return", returnId)))
                .flatMap(header -> view(header.id()));
    }

    /** The return of the merchant's order with this RMA (any case); empty for any other. */
    Mono<ReturnView> ofOrder(UUID merchantId, UUID orderId, String rma) {
        return db.sql("SELECT id FROM returns WHERE merchant_id = :merchant AND order_id = :order AND rma = upper(:rma)")
                .bind("merchant", merchantId).bind("order", orderId).bind("rma", rma.trim())
                .map(row -> row.get("id", UUID.class)).one()
                .flatMap(this::view);
    }

    /** The returns of the merchant's order, first opened first. */
    reactor.core.publisher.Flux<ReturnView> returnsOf(UUID merchantId, UUID orderId) {
        return db.sql("SELECT id FROM returns WHERE merchant_id = :merchant AND order_id = :order ORDER BY position")
                .bind("merchant", merchantId).bind("order", orderId)
                .map(row -> row.get("id", UUID.class)).all()
                .concatMap(this::view);
    }

    /** The return whose RMA or return-label tracking number was scanned at a node's station; not found when it comes back elsewhere. */
    Mono<Header> scanned(UUID nodeId, String code) {
        return db.sql("""
                        SELECT id, merchant_id, node_id, rma, order_id, status FROM returns
                        WHERE node_id = :node AND (rma = upper(:code) OR label_tracking = :code)
                        """)
                .bind("node", nodeId).bind("code", code.trim())
                .map(ReturnReads::headerOf).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Return", code)));
    }

    /** The return as a worker of its node sees it; not found for any other node. */
    Mono<Header> atNode(UUID nodeId, UUID returnId) {
        return header(returnId).filter(header -> header.nodeId().equals(nodeId))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Return", returnId)));
    }

    Mono<Header> header(UUID returnId) {
        return db.sql("SELECT id, merchant_id, node_id, rma, order_id, status FROM returns WHERE id = :id")
                .bind("id", returnId).map(ReturnReads::headerOf).one();
    }

    private static Header headerOf(io.r2dbc.spi.Readable row) {
        return new Header(row.get("id", UUID.class), row.get("merchant_id", UUID.class), row.get("node_id", UUID.class),
                row.get("rma", String.class), row.get("order_id", UUID.class), row.get("status", String.class));
    }

    Mono<ReturnView> view(UUID returnId) {
        Mono<List<ReturnView.ReturnLine>> lines = db.sql("""
                        SELECT line_no, sku, quantity, reason, exchange_sku, received FROM return_lines WHERE return_id = :id ORDER BY line_no
                        """)
                .bind("id", returnId)
                .map(row -> new ReturnView.ReturnLine(row.get("line_no", Integer.class), row.get("sku", String.class), row.get("quantity", Integer.class),
                        row.get("reason", String.class), row.get("exchange_sku", String.class) == null ? "refund" : "exchange",
                        row.get("exchange_sku", String.class), row.get("received", Integer.class)))
                .all().collectList();
        Mono<List<ReturnView.ReturnGrade>> grades = db.sql("""
                        SELECT l.sku, g.quantity, g.grade, g.location_code, g.graded_by, g.graded_at FROM return_grades g
                        JOIN return_lines l ON l.return_id = g.return_id AND l.line_no = g.line_no
                        WHERE g.return_id = :id ORDER BY g.id
                        """)
                .bind("id", returnId)
                .map(row -> new ReturnView.ReturnGrade(row.get("sku", String.class), row.get("quantity", Integer.class), row.get("grade", String.class),
                        row.get("location_code", String.class), row.get("graded_by", String.class), row.get("graded_at", OffsetDateTime.class)))
                .all().collectList();
        Mono<List<ReturnView.ReturnPhoto>> photos = db.sql("""
                        SELECT id, content_type, width, height, taken_at FROM return_photos WHERE return_id = :id ORDER BY taken_at, id
                        """)
                .bind("id", returnId)
                .map(row -> new ReturnView.ReturnPhoto(row.get("id", UUID.class), row.get("content_type", String.class), row.get("width", Integer.class),
                        row.get("height", Integer.class), ReturnView.photoUrl(returnId, row.get("id", UUID.class)),
                        row.get("taken_at", OffsetDateTime.class)))
                .all().collectList();
        return db.sql("""
                        SELECT id, rma, order_id, status, requested_by, label_paid_by, exchange_order_id, requested_at, received_at,
                               label_carrier, label_service, label_tracking, label_tracking_url, label_price_minor, label_currency, drop_off_code
                        FROM returns WHERE id = :id
                        """)
                .bind("id", returnId)
                .map(row -> new ReturnView(row.get("id", UUID.class), row.get("rma", String.class), row.get("order_id", UUID.class),
                        row.get("status", String.class), row.get("requested_by", String.class), row.get("label_paid_by", String.class),
                        row.get("exchange_order_id", UUID.class), row.get("requested_at", OffsetDateTime.class),
                        row.get("received_at", OffsetDateTime.class), label(returnId, row), List.of(), List.of(), List.of()))
                .one()
                .zipWith(Mono.zip(lines, grades, photos))
                .map(both -> {
                    ReturnView v = both.getT1();
                    return new ReturnView(v.id(), v.rma(), v.orderId(), v.status(), v.requestedBy(), v.labelPaidBy(), v.exchangeOrderId(),
                            v.requestedAt(), v.receivedAt(), v.label(), both.getT2().getT1(), both.getT2().getT2(), both.getT2().getT3());
                });
    }

    private static ReturnView.ReturnLabel label(UUID returnId, io.r2dbc.spi.Readable row) {
        String tracking = row.get("label_tracking", String.class);
        if (tracking == null) {
            return null;
        }
        String dropOff = row.get("drop_off_code", String.class);
        return new ReturnView.ReturnLabel(row.get("label_carrier", String.class), row.get("label_service", String.class), tracking,
                row.get("label_tracking_url", String.class), row.get("label_price_minor", Long.class), row.get("label_currency", String.class),
                ReturnView.labelUrl(returnId, ReturnView.LabelFormat.PDF), ReturnView.labelUrl(returnId, ReturnView.LabelFormat.PNG),
                ReturnView.labelUrl(returnId, ReturnView.LabelFormat.ZPL), dropOff, dropOff == null ? null : ReturnView.dropOffQrUrl(returnId));
    }

    /** The label of a return of the merchant's in one format; not found when the return has none or is someone else's. */
    Mono<byte[]> labelDocument(UUID merchantId, UUID returnId, ReturnView.LabelFormat format) {
        return db.sql("SELECT label_" + format.extension() + " AS document FROM returns WHERE id = :id AND merchant_id = :merchant")
                .bind("id", returnId).bind("merchant", merchantId)
                .map(row -> java.util.Optional.ofNullable(row.get("document", byte[].class)))
                .one()
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Return label", returnId)));
    }

    /** The drop-off code of a return of the merchant's; not found when its carrier has no label-free drop-off. */
    Mono<String> dropOffCode(UUID merchantId, UUID returnId) {
        return db.sql("SELECT drop_off_code FROM returns WHERE id = :id AND merchant_id = :merchant")
                .bind("id", returnId).bind("merchant", merchantId)
                .map(row -> java.util.Optional.ofNullable(row.get("drop_off_code", String.class)))
                .one()
                .flatMap(Mono::justOrEmpty)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Drop-off code", returnId)));
    }
}
