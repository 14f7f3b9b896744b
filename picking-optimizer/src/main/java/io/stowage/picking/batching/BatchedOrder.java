package io.stowage.picking.batching;

import io.stowage.picking.layout.Point;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * An order as the batching solver sees it: the order is the planning entity and its batch the only
 * variable, so an order can never be split over two batches.
 */
@PlanningEntity
public class BatchedOrder {

    @PlanningId
    private String orderId;
    private OrderToBatch order;
    private int[] nodes;
    private Point centre;
    private long waitingHours;
    @PlanningVariable
    private BatchSlot slot;

    public BatchedOrder() {
    }

    /**
     * @param nodes        the distinct walking-graph nodes of the order's locations
     * @param centre       the mean position of those nodes, to find orders near each other
     * @param waitingHours how long the order has waited when the plan is made
     */
    public BatchedOrder(OrderToBatch order, int[] nodes, Point centre, long waitingHours, BatchSlot slot) {
        this.orderId = order.orderId();
        this.order = order;
        this.nodes = nodes;
        this.centre = centre;
        this.waitingHours = waitingHours;
        this.slot = slot;
    }

    public OrderToBatch order() {
        return order;
    }

    public int[] nodes() {
        return nodes;
    }

    public Point centre() {
        return centre;
    }

    /** A copy of this order placed in another batch slot. */
    public BatchedOrder in(BatchSlot other) {
        return new BatchedOrder(order, nodes, centre, waitingHours, other);
    }

    public int totes() {
        return order.totes();
    }

    public long volumeCm3() {
        return order.volumeCm3();
    }

    public long weightGrams() {
        return order.weightGrams();
    }

    public long cutoffDay() {
        return order.cutoffDay();
    }

    public boolean express() {
        return order.express();
    }

    public long waitingHours() {
        return waitingHours;
    }

    public int sequence() {
        return slot.sequence();
    }

    public String getOrderId() {
        return orderId;
    }

    public BatchSlot getSlot() {
        return slot;
    }

    public void setSlot(BatchSlot slot) {
        this.slot = slot;
    }
}
