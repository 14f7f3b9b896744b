package io.stowage.picking.batching;

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
    private long waitingHours;
    @PlanningVariable
    private BatchSlot slot;

    public BatchedOrder() {
    }

    /**
     * @param nodes        the distinct walking-graph nodes of the order's locations
     * @param waitingHours how long the order has waited when the plan is made
     */
    public BatchedOrder(OrderToBatch order, int[] nodes, long waitingHours, BatchSlot slot) {
        this.orderId = order.orderId();
        this.order = order;
        this.nodes = nodes;
        this.waitingHours = waitingHours;
        this.slot = slot;
    }

    public OrderToBatch order() {
        return order;
    }

    public int[] nodes() {
        return nodes;
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
