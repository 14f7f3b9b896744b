package io.stowage.api.picking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A wave as supervisors see it: what it was made of, and once planned its batches and tasks in route order. */
record WaveView(UUID id, String nodeCode, WaveStatus status, Filter filter, Cart cart, int timeLimitSeconds,
                String method, Double totalLengthM, String failure, List<UUID> orderIds, List<SkippedOrder> skippedOrders,
                List<BatchView> batches, List<ReplenishmentTaskView> replenishmentTasks,
                String createdBy, OffsetDateTime createdAt, OffsetDateTime plannedAt, String releasedBy, OffsetDateTime releasedAt,
                OffsetDateTime completedAt) {

    record Filter(LocalDate cutOffBefore, String serviceLevel, String zoneCode, String carrier) {
    }

    record Cart(int totes, long toteVolumeCm3, long maxWeightG) {
    }

    record SkippedOrder(UUID orderId, String reason) {
    }

    /** One cart's trip: its totes, the route's length and the tasks in the order they are walked. */
    record BatchView(UUID id, UUID waveId, int sequence, String status, int totes, double routeLengthM, String routeMethod,
                     String pickerBadge, List<PickTaskView> tasks) {
    }

    record PickTaskView(UUID id, int sequence, String locationCode, String sku, String lotNumber, int quantity,
                        Integer pickedQuantity, int tote, UUID orderId, int lineNo, String status, UUID replacesTaskId) {
    }
}
