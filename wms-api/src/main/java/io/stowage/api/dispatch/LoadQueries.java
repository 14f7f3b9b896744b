package io.stowage.api.dispatch;

import io.r2dbc.spi.Readable;
import io.stowage.api.database.Params;
import io.stowage.api.network.Network;
import io.stowage.api.network.Node;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.shipping.ShipmentView;
import io.stowage.api.shipping.Shipments;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Reading loads: one with its cartons and what is still to load, a node's loads newest first, a manifest's rows. */
@Service
class LoadQueries {

    /** A load's own row, with the totals of its cartons. */
    record Header(UUID id, long position, UUID nodeId, String carrier, LocalDate shipDay, String dockCode, String trailer, String status,
                  String openedBy, OffsetDateTime openedAt, String manifestNumber, String closedBy, OffsetDateTime closedAt,
                  int parcels, long weightGrams) {

        static final String COLUMNS = """
                l.id, l.position, l.node_id, l.carrier, l.ship_day, l.dock_code, l.trailer, l.status, l.opened_by, l.opened_at,
                l.manifest_number, l.closed_by, l.closed_at,
                (SELECT count(*) FROM load_cartons c WHERE c.load_id = l.id) AS parcels,
                (SELECT coalesce(sum(c.weight_grams), 0) FROM load_cartons c WHERE c.load_id = l.id) AS weight_grams
                """;

        static Header of(Readable row) {
            return new Header(row.get("id", UUID.class), row.get("position", Long.class), row.get("node_id", UUID.class),
                    row.get("carrier", String.class), row.get("ship_day", LocalDate.class), row.get("dock_code", String.class),
                    row.get("trailer", String.class), row.get("status", String.class), row.get("opened_by", String.class),
                    row.get("opened_at", OffsetDateTime.class), row.get("manifest_number", String.class), row.get("closed_by", String.class),
                    row.get("closed_at", OffsetDateTime.class), row.get("parcels", Number.class).intValue(),
                    row.get("weight_grams", Number.class).longValue());
        }

        boolean isOpen() {
            return LoadView.OPEN.equals(status);
        }

        LoadView view(String nodeCode) {
            return new LoadView(id, nodeCode, carrier, shipDay, dockCode, trailer, status, openedBy, openedAt.toInstant(), manifestNumber,
                    closedBy, closedAt == null ? null : closedAt.toInstant(), parcels, weightGrams, null, null);
        }
    }

    private final DatabaseClient db;
    private final Network network;
    private final Shipments shipments;

    LoadQueries(DatabaseClient db, Network network, Shipments shipments) {
        this.db = db;
        this.network = network;
        this.shipments = shipments;
    }

    /**
     * The load, when it is at {@code nodeIdOrNull} (any node for null: the administrator); a load of
     * another node is not found. {@code forUpdate} locks the row until the transaction ends; a scan
     * takes it shared, so scans run side by side and a close waits for them (and they for it).
     */
    Mono<Header> header(UUID loadId, UUID nodeIdOrNull, String lock) {
        return db.sql("SELECT " + Header.COLUMNS + " FROM loads l WHERE l.id = :id AND (CAST(:node AS uuid) IS NULL OR l.node_id = :node)"
                        + (lock == null ? "" : " FOR " + lock + " OF l"))
                .bind("id", loadId).bind("node", Params.nullable(nodeIdOrNull, UUID.class))
                .map(Header::of).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Load", loadId)));
    }

    /** The load with its cartons and, while it is open, the carrier's labelled cartons of the day not yet on a load. */
    Mono<LoadView> view(UUID loadId, UUID nodeIdOrNull) {
        return header(loadId, nodeIdOrNull, null).flatMap(this::view);
    }

    Mono<LoadView> view(Header header) {
        Mono<List<LoadView.Waiting>> waiting = header.isOpen() ? notLoaded(header) : Mono.just(List.of());
        return Mono.zip(network.node(header.nodeId()), cartons(header.id()), waiting)
                .map(all -> header.view(all.getT1().code()).withDetail(all.getT2(), header.isOpen() ? all.getT3() : null));
    }

    Mono<List<LoadView.Carton>> cartons(UUID loadId) {
        return db.sql("""
                        SELECT shipment_id, sscc, tracking_number, weight_grams, order_id, order_number, carton_number, service_code,
                               scanned_by, scanned_at
                        FROM load_cartons WHERE load_id = :load ORDER BY scanned_at, sscc
                        """)
                .bind("load", loadId)
                .map(row -> new LoadView.Carton(row.get("shipment_id", UUID.class), row.get("sscc", String.class),
                        row.get("tracking_number", String.class), row.get("weight_grams", Integer.class), row.get("order_id", UUID.class),
                        row.get("order_number", String.class), row.get("carton_number", Integer.class), row.get("service_code", String.class),
                        row.get("scanned_by", String.class), row.get("scanned_at", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }

    /** The carrier's cartons labelled at the node on the load's day that no load holds. */
    private Mono<List<LoadView.Waiting>> notLoaded(Header header) {
        return shipments.labelledAt(header.nodeId(), header.carrier(), header.shipDay())
                .filter(shipment -> ShipmentView.LABELLED.equals(shipment.status()))
                .collectList()
                .flatMap(labelled -> labelled.isEmpty() ? Mono.just(List.<LoadView.Waiting>of())
                        : loadedAmong(labelled.stream().map(ShipmentView::id).toList()).map(loaded -> labelled.stream()
                                .filter(shipment -> !loaded.contains(shipment.id()))
                                .map(shipment -> new LoadView.Waiting(shipment.id(), shipment.sscc(), shipment.orderNumber(),
                                        shipment.cartonNumber(), shipment.labelledAt()))
                                .toList()));
    }

    private Mono<Set<UUID>> loadedAmong(List<UUID> shipmentIds) {
        return db.sql("SELECT shipment_id FROM load_cartons WHERE shipment_id = ANY(:ids)")
                .bind("ids", shipmentIds.toArray(UUID[]::new))
                .map(row -> row.get("shipment_id", UUID.class))
                .all().collect(Collectors.toSet());
    }

    /** The node's loads, newest first, optionally only open or only closed ones. */
    Mono<Page<LoadView>> list(UUID nodeId, String status, Integer limit, String after) {
        int size = Cursor.limit(limit);
        long before = Cursor.positionBefore(after);
        if (status != null && !LoadView.OPEN.equals(status) && !LoadView.CLOSED.equals(status)) {
            return Mono.error(ApiProblem.invalid("status", "must be open or closed"));
        }
        return network.node(nodeId).flatMap(node -> db.sql("SELECT " + Header.COLUMNS + """
                         FROM loads l
                        WHERE l.node_id = :node AND l.position < :before AND (CAST(:status AS text) IS NULL OR l.status = :status)
                        ORDER BY l.position DESC
                        LIMIT :limit
                        """)
                .bind("node", nodeId).bind("before", before).bind("status", Params.nullable(status, String.class)).bind("limit", size + 1)
                .map(Header::of)
                .all().collectList()
                .map(rows -> Page.of(rows, size, row -> Long.toString(row.position())))
                .map(page -> new Page<>(page.items().stream().map(row -> row.view(node.code())).toList(), page.nextCursor())));
    }

    /** The node a worker or the administrator names: the worker's own, or the code the administrator gives. */
    Mono<Node> node(UUID workerNodeOrNull, String nodeCode) {
        if (workerNodeOrNull != null) {
            return network.node(workerNodeOrNull);
        }
        if (nodeCode == null || nodeCode.isBlank()) {
            return Mono.error(ApiProblem.invalid("node_code", "is required for the administrator: name the node whose loads to list"));
        }
        return network.node(nodeCode);
    }
}
