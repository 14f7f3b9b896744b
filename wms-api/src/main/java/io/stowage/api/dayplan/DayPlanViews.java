package io.stowage.api.dayplan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the day plan routes answer. */
final class DayPlanViews {

    private DayPlanViews() {
    }

    /**
     * A node's plan of a day. {@code runs} (with the plan's cost against choosing parcel by parcel)
     * are the 3PL's figures: merchants get none. Carrier counts are of the caller's parcels.
     */
    record DayPlanView(String nodeCode, LocalDate day, OffsetDateTime nextRunAt, String nextRunReason, boolean running,
                       List<CarrierLoad> carriers, int unassigned, List<RunView> runs) {
    }

    /** @param capacity parcels per day the carrier collects from the node (the node's setting, else the rate card's); null when unlimited */
    record CarrierLoad(String carrierCode, int planned, int labelled, Integer capacity) {
    }

    record RunView(int run, String reason, OffsetDateTime startedAt, OffsetDateTime finishedAt, int parcels, int assigned, int promisesKept,
                   long costMinor, long greedyCostMinor, int greedyPromisesKept, String currency, int solveMillis, String score) {
    }

    /** One order's parcel in the plan: its service, or why it has none. */
    record ParcelView(UUID orderId, String serviceCode, String carrierCode, String unassignedReason, String reason, Long costMinor,
                      String currency, LocalDate shipDate, LocalDate estimatedDelivery, LocalDate promisedOn, String customerChoice,
                      Parcel estimatedParcel, boolean labelled, int run, OffsetDateTime plannedAt) {
    }

    record Parcel(int weightG, int lengthMm, int widthMm, int heightMm) {
    }

    record CapacityView(String carrierCode, int parcelsPerDay, OffsetDateTime updatedAt) {
    }

    record PreferredCarriersView(List<String> carriers) {
    }

    record RunRequested(String nodeCode, LocalDate day, String reason) {
    }
}
