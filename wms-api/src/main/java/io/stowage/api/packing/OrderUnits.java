package io.stowage.api.packing;

import io.stowage.api.orders.OrderContents;
import io.stowage.api.orders.OrderStatus;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What of an order must go into cartons at one node: per line and lot, the units held there (open
 * allocations) less the units already in any of its cartons. Units declared short were given back to
 * allocation, so they are no longer held and need no separate count.
 */
record OrderUnits(OrderContents.Contents order, UUID nodeId, Map<LineLot, Integer> inCartons) {

    record LineLot(int lineNo, UUID lotKey) {
    }

    static OrderUnits of(OrderContents.Contents order, UUID nodeId, List<CartonView> cartons) {
        Map<LineLot, Integer> packed = new HashMap<>();
        cartons.forEach(carton -> carton.lines().forEach(line -> packed.merge(new LineLot(line.lineNo(), line.lotKey()), line.quantity(), Integer::sum)));
        return new OrderUnits(order, nodeId, packed);
    }

    /** Units of the line (and lot) held at the node. */
    int held(OrderContents.Line line, UUID lotKey) {
        return line.held().stream().filter(h -> h.nodeId().equals(nodeId) && (lotKey == null || h.lotKey().equals(lotKey)))
                .mapToInt(OrderContents.Held::quantity).sum();
    }

    int packed(int lineNo, UUID lotKey) {
        return inCartons.entrySet().stream().filter(e -> e.getKey().lineNo() == lineNo && (lotKey == null || e.getKey().lotKey().equals(lotKey)))
                .mapToInt(Map.Entry::getValue).sum();
    }

    /** Units of the line (and lot, when given) still to pack. */
    int remaining(OrderContents.Line line, UUID lotKey) {
        return held(line, lotKey) - packed(line.lineNo(), lotKey);
    }

    int held() {
        return order.lines().stream().mapToInt(line -> held(line, null)).sum();
    }

    int packed() {
        return inCartons.values().stream().mapToInt(Integer::intValue).sum();
    }

    int remaining() {
        return held() - packed();
    }

    /** True when some unit of the order is held at this node. */
    boolean isHere() {
        return held() > 0 || packed() > 0;
    }

    /**
     * The order may have units packed now: it is picked. A cancelled or held order is refused with its
     * own type (its units wait for a put-back or for the hold to end); any other status is not packable.
     */
    static void requirePackable(UUID orderId, OrderStatus status) {
        switch (status) {
            case PICKED -> {
            }
            case CANCELLED -> throw ApiProblem.of(ProblemType.ORDER_CANCELLED_WHILE_PACKING,
                    "Order " + orderId + " was cancelled; put its units aside for the put-back");
            case ON_HOLD -> throw ApiProblem.of(ProblemType.ORDER_ON_HOLD, "Order " + orderId + " is on hold; put its units aside until the hold ends");
            default -> throw ApiProblem.of(ProblemType.ORDER_NOT_PACKABLE, "Order " + orderId + " is " + status.db() + "; only picked orders are packed");
        }
    }
}
