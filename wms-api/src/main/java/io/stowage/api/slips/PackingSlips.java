package io.stowage.api.slips;

import io.stowage.api.access.Caller;
import io.stowage.api.database.Params;
import io.stowage.api.merchants.Merchants;
import io.stowage.api.orders.OrderCustomers;
import io.stowage.api.orders.OrderStatus;
import io.stowage.api.problem.ApiProblem;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A closed carton's packing slip as written at the close, with its inserts. The number of parcels
 * ("parcel 2 of 3") is known once the order is packed: then every carton of it has closed, and so
 * has a slip. A worker reads the slips of their node, a merchant its own, the administrator any.
 */
@Service
class PackingSlips {

    private static final TypeReference<List<PackingSlip.Line>> LINES = new TypeReference<>() { };
    private static final Set<OrderStatus> ALL_PARCELS_CLOSED = Set.of(OrderStatus.PACKED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);

    private final DatabaseClient db;
    private final OrderCustomers customers;
    private final Merchants merchants;
    private final JsonMapper json;

    PackingSlips(DatabaseClient db, OrderCustomers customers, Merchants merchants, JsonMapper json) {
        this.db = db;
        this.customers = customers;
        this.merchants = merchants;
        this.json = json;
    }

    /** The slip of the carton as the caller may see it; 404 when the carton has none (not closed, or not the caller's). */
    Mono<PackingSlip> of(Caller caller, UUID cartonId) {
        UUID merchantId = caller instanceof Caller.Merchant merchant ? merchant.merchantId() : null;
        UUID nodeId = caller instanceof Caller.Worker worker ? worker.nodeId() : null;
        return db.sql("""
                        SELECT s.*, (SELECT count(*) FROM packing_slips o WHERE o.order_id = s.order_id) AS slips_of_order
                        FROM packing_slips s
                        WHERE s.carton_id = :carton
                          AND (CAST(:merchant AS uuid) IS NULL OR s.merchant_id = :merchant)
                          AND (CAST(:node AS uuid) IS NULL OR s.node_id = :node)
                        """)
                .bind("carton", cartonId)
                .bind("merchant", Params.nullable(merchantId, UUID.class))
                .bind("node", Params.nullable(nodeId, UUID.class))
                .map(row -> new Row(row.get("merchant_id", UUID.class), row.get("order_id", UUID.class), row.get("order_number", String.class),
                        row.get("carton_number", Integer.class), row.get("customer_name", String.class), row.get("language", String.class),
                        row.get("gift_message", String.class), row.get("packer_name", String.class),
                        json.readValue(row.get("lines", String.class), LINES), row.get("closed_at", OffsetDateTime.class),
                        row.get("slips_of_order", Number.class).intValue()))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Packing slip of carton", cartonId)))
                .flatMap(slip -> Mono.zip(customers.of(slip.merchantId(), slip.orderId()), merchants.get(slip.merchantId()), inserts(cartonId))
                        .map(found -> new PackingSlip(cartonId, slip.orderId(), found.getT2().name(), slip.orderNumber(), slip.cartonNumber(),
                                ALL_PARCELS_CLOSED.contains(found.getT1().status()) ? slip.slipsOfOrder() : null, slip.customerName(),
                                slip.language(), slip.giftMessage(), slip.packerName(), slip.lines(), found.getT3(), slip.closedAt())));
    }

    private Mono<List<PackingSlip.Insert>> inserts(UUID cartonId) {
        return db.sql("SELECT sku, name, quantity, kind, rule_id, status FROM carton_inserts WHERE carton_id = :carton ORDER BY id")
                .bind("carton", cartonId)
                .map(row -> new PackingSlip.Insert(row.get("sku", String.class), row.get("name", String.class), row.get("quantity", Integer.class),
                        row.get("kind", String.class), row.get("rule_id", UUID.class), row.get("status", String.class)))
                .all().collectList();
    }

    private record Row(UUID merchantId, UUID orderId, String orderNumber, int cartonNumber, String customerName, String language,
                       String giftMessage, String packerName, List<PackingSlip.Line> lines, OffsetDateTime closedAt, int slipsOfOrder) {
    }
}
