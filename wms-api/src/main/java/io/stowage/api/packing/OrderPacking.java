package io.stowage.api.packing;

import io.stowage.api.access.Caller;
import io.stowage.api.orders.OrderContents;
import io.stowage.api.orders.OrderFulfilment;
import io.stowage.api.orders.OrderStatus;
import io.stowage.api.outbox.Outbox;
import io.stowage.api.webhooks.EventTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * An order whose every unit held at the node is in a closed carton is packed: the order moves to
 * {@code packed} and {@code order.packed} tells the store how many parcels it leaves in and what is in
 * each. The order leaves its pack session.
 */
@Service
class OrderPacking {

    /** Where the order stands after a close. */
    record Finish(String orderStatus, int remaining, int parcels) {
    }

    private final OrderContents orders;
    private final OrderFulfilment fulfilment;
    private final Cartons cartons;
    private final PackSessions sessions;
    private final Outbox outbox;

    OrderPacking(OrderContents orders, OrderFulfilment fulfilment, Cartons cartons, PackSessions sessions, Outbox outbox) {
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.cartons = cartons;
        this.sessions = sessions;
        this.outbox = outbox;
    }

    /** Packs the order when nothing of it is left to pack and all its cartons are closed; the caller holds the order's lock. */
    Mono<Finish> finishIfComplete(Caller.Worker packer, UUID sessionId, OrderContents.Contents order, UUID nodeId) {
        return cartons.ofOrder(order.id()).collectList().flatMap(all -> {
            OrderUnits units = OrderUnits.of(order, nodeId, all);
            boolean allClosed = all.stream().allMatch(CartonView::isClosed);
            if (units.remaining() > 0 || !allClosed || all.isEmpty()) {
                return Mono.just(new Finish(order.status().db(), units.remaining(), all.size()));
            }
            return fulfilment.packed(order.merchantId(), order.id(), packer.actor(), "packed in " + all.size() + (all.size() == 1 ? " parcel" : " parcels"))
                    .then(outbox.append(order.merchantId(), EventTypes.ORDER_PACKED, order.id().toString(), payload(order, nodeId, all)))
                    .then(sessions.orderDone(sessionId, order.id()))
                    .thenReturn(new Finish(OrderStatus.PACKED.db(), 0, all.size()));
        });
    }

    private static Map<String, Object> payload(OrderContents.Contents order, UUID nodeId, List<CartonView> all) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("order_id", order.id());
        payload.put("order_number", order.id().toString());
        payload.put("node_id", nodeId);
        payload.put("parcels", all.size());
        payload.put("cartons", all.stream().map(carton -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("carton_id", carton.id());
            c.put("carton_number", carton.cartonNumber());
            c.put("box_type_code", carton.boxTypeCode());
            c.put("length_mm", carton.lengthMm());
            c.put("width_mm", carton.widthMm());
            c.put("height_mm", carton.heightMm());
            c.put("weight_grams", carton.weightGrams());
            c.put("lines", carton.lines().stream().map(line -> {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("line_no", line.lineNo());
                l.put("sku", line.sku());
                if (line.lotNumber() != null) {
                    l.put("lot_number", line.lotNumber());
                }
                l.put("quantity", line.quantity());
                return l;
            }).toList());
            return c;
        }).toList());
        return payload;
    }
}
