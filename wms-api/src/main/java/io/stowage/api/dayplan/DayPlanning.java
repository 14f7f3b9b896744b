package io.stowage.api.dayplan;

import io.stowage.api.orders.OrdersToShip.OrderToShip;
import io.stowage.carriers.selection.CarrierCapacity;
import io.stowage.carriers.selection.DayPlan;
import io.stowage.carriers.selection.DayPlanSolver;
import io.stowage.carriers.selection.DayPlanSummary;
import io.stowage.carriers.selection.DeliveryPreference;
import io.stowage.carriers.selection.GreedyDayPlanner;
import io.stowage.carriers.selection.ParcelAssignment;
import io.stowage.carriers.selection.ParcelDemand;
import io.stowage.carriers.selection.PlannedParcel;
import io.stowage.carriers.selection.RateShopper;
import io.stowage.carriers.selection.SelectionPolicy;
import io.stowage.carriers.selection.ShippingOption;
import io.stowage.carriers.selection.UnassignedParcel;
import io.stowage.carriers.spi.Address;
import io.stowage.carriers.spi.CarrierException;
import io.stowage.carriers.spi.RateQuote;
import io.stowage.carriers.spi.RateRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One run of a node's day plan, free of the database: quotes every order's estimated parcel on the
 * installation's carriers, plans them jointly with the library's {@link DayPlanSolver}, and says
 * for each order which service it got and why, or why it got none. The library's
 * {@link GreedyDayPlanner} plans the same parcels too, so every run records what choosing parcel by
 * parcel would have cost.
 */
final class DayPlanning {

    /** An order without a promised date may arrive within this many days and still keep its promise. */
    static final int DAYS_WITHOUT_PROMISE = 30;

    /** An order to plan and its estimated parcel. */
    record OrderParcel(OrderToShip order, ParcelEstimate estimate) {
    }

    /**
     * @param capacityLeft parcels each carrier with a configured capacity still collects today (less the labelled ones);
     *                     carriers not named collect without limit
     */
    record Inputs(LocalDate day, Instant readyAt, Address from, List<OrderParcel> parcels, Map<UUID, Set<String>> preferredByMerchant,
                  Map<String, Integer> capacityLeft, SelectionPolicy policy) {
    }

    /** Unassigned reasons beyond the library's: the shopper's service did not quote, or the carrier is full after the solve. */
    static final String CHOICE_NOT_QUOTED = "choice_not_quoted";
    static final String NO_CAPACITY_LEFT = "no_capacity_left";

    /** What the run decided for one order: a service (and its quote), or an unassigned reason. */
    record Outcome(UUID orderId, UUID merchantId, String serviceCode, String carrierCode, String unassignedReason, String reason,
                   Long costMinor, String currency, LocalDate shipDate, LocalDate estimatedDelivery, LocalDate promisedOn,
                   String customerChoice, ParcelEstimate estimate) {
    }

    record Result(List<Outcome> outcomes, DayPlanSummary solver, DayPlanSummary greedy, String score, long solveMillis) {
    }

    private DayPlanning() {
    }

    /** The shopper's answer for one parcel: its quotes, or why no carrier quoted. */
    record Quoted(List<RateQuote> quotes, String noQuote) {
    }

    /** Every parcel's quotes, in the order of {@code in.parcels()}; the carriers are asked before the solve, which is CPU work only. */
    static Mono<List<Quoted>> quote(Inputs in, RateShopper shopper) {
        return Flux.fromIterable(in.parcels())
                .flatMapSequential(parcel -> Mono.fromCompletionStage(() -> shopper.quoteAll(
                                new RateRequest(in.from(), destination(parcel.order()), parcel.estimate().parcel(), in.readyAt())))
                        .map(quotes -> new Quoted(quotes, null))
                        .onErrorResume(CarrierException.class, e -> Mono.just(new Quoted(List.of(), e.getMessage()))))
                .collectList();
    }

    /** @param quoted {@link #quote}'s answer for {@code in} */
    static Result plan(Inputs in, List<Quoted> quoted, DayPlanSolver solver) {
        Map<String, OrderParcel> byId = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        List<PlannedParcel> plannable = new ArrayList<>();
        for (int i = 0; i < in.parcels().size(); i++) {
            OrderParcel parcel = in.parcels().get(i);
            OrderToShip order = parcel.order();
            byId.put(order.orderId().toString(), parcel);
            LocalDate promisedBy = order.promisedOn() != null ? order.promisedOn() : in.day().plusDays(DAYS_WITHOUT_PROMISE);
            ParcelDemand demand = new ParcelDemand(order.orderId().toString(), preference(order.serviceLevel()), promisedBy,
                    in.preferredByMerchant().getOrDefault(order.merchantId(), Set.of()));
            List<RateQuote> quotes = quoted.get(i).quotes();
            if (quoted.get(i).noQuote() != null) {
                outcomes.add(unassigned(parcel, UnassignedParcel.Reason.NO_QUOTE.name().toLowerCase(Locale.ROOT),
                        "no carrier quoted: " + quoted.get(i).noQuote()));
                continue;
            }
            if (order.carrierService() != null) {
                List<RateQuote> chosen = quotes.stream().filter(quote -> quote.service().qualifiedCode().equals(order.carrierService())).toList();
                if (chosen.isEmpty()) {
                    outcomes.add(unassigned(parcel, CHOICE_NOT_QUOTED, "the shopper chose " + order.carrierService()
                            + ", which does not take this parcel (" + parcel.estimate().parcel() + " to " + order.country() + ")"));
                    continue;
                }
                // The shopper's service is the parcel's only option: the plan counts it against the carrier's capacity and never moves it.
                quotes = chosen;
            }
            plannable.add(new PlannedParcel(demand, quotes));
        }
        List<CarrierCapacity> capacities = in.capacityLeft().entrySet().stream()
                .map(entry -> new CarrierCapacity(entry.getKey(), Math.max(0, entry.getValue()))).toList();
        DayPlan problem = DayPlan.unassigned(plannable, capacities, in.policy());
        long started = System.nanoTime();
        DayPlan solved = solver.solve(problem);
        long solveMillis = (System.nanoTime() - started) / 1_000_000;
        DayPlan greedy = new GreedyDayPlanner().plan(problem);

        for (UnassignedParcel left : solved.getUnplannable()) {
            outcomes.add(unassigned(byId.get(left.parcelId()), left.reason().name().toLowerCase(Locale.ROOT), left.detail()));
        }
        Set<String> overCapacity = overCapacity(solved);
        for (ParcelAssignment assignment : solved.getAssignments()) {
            OrderParcel parcel = byId.get(assignment.getParcelId());
            ShippingOption option = assignment.getOption();
            if (option == null) {
                outcomes.add(unassigned(parcel, UnassignedParcel.Reason.NO_QUOTE.name().toLowerCase(Locale.ROOT), "the solver placed it nowhere"));
            } else if (overCapacity.contains(assignment.getParcelId())) {
                outcomes.add(unassigned(parcel, NO_CAPACITY_LEFT, option.carrierCode() + " collects "
                        + in.capacityLeft().get(option.carrierCode()) + " more parcels from this node today, and no other option keeps this parcel's rules"));
            } else {
                outcomes.add(assigned(parcel, assignment, in.policy()));
            }
        }
        return new Result(outcomes, DayPlanSummary.of(solved), DayPlanSummary.of(greedy), String.valueOf(solved.getScore()), solveMillis);
    }

    /**
     * Parcels the solver left over a carrier's capacity (when the day cannot fit otherwise): the
     * ones with the latest promise on that carrier wait, so the most urgent keep their pickup.
     */
    private static Set<String> overCapacity(DayPlan solved) {
        Map<String, Integer> capacity = solved.capacityByCarrier();
        Map<String, List<ParcelAssignment>> byCarrier = new HashMap<>();
        for (ParcelAssignment assignment : solved.getAssignments()) {
            if (assignment.getOption() != null) {
                byCarrier.computeIfAbsent(assignment.getOption().carrierCode(), carrier -> new ArrayList<>()).add(assignment);
            }
        }
        Set<String> over = new java.util.HashSet<>();
        byCarrier.forEach((carrier, assignments) -> {
            int limit = capacity.getOrDefault(carrier, Integer.MAX_VALUE);
            if (assignments.size() > limit) {
                assignments.sort(Comparator.comparing((ParcelAssignment a) -> a.getDemand().promisedBy()).thenComparing(ParcelAssignment::getParcelId));
                assignments.subList(limit, assignments.size()).forEach(a -> over.add(a.getParcelId()));
            }
        });
        return over;
    }

    static DeliveryPreference preference(String serviceLevel) {
        return switch (serviceLevel) {
            case "express" -> DeliveryPreference.EXPRESS;
            case "eco" -> DeliveryPreference.ECO;
            case "pickup_point" -> DeliveryPreference.PICKUP_POINT;
            default -> DeliveryPreference.ANY;
        };
    }

    private static Address destination(OrderToShip order) {
        return Address.of(order.customerName(), order.addressLine(), order.city(), order.postalCode(), order.country());
    }

    private static Outcome unassigned(OrderParcel parcel, String reasonCode, String detail) {
        OrderToShip order = parcel.order();
        return new Outcome(order.orderId(), order.merchantId(), null, null, reasonCode, detail, null, null, null, null, order.promisedOn(),
                order.carrierService(), parcel.estimate());
    }

    private static Outcome assigned(OrderParcel parcel, ParcelAssignment assignment, SelectionPolicy policy) {
        OrderToShip order = parcel.order();
        RateQuote quote = assignment.getOption().quote();
        StringBuilder reason = new StringBuilder();
        reason.append(order.carrierService() != null ? "the shopper's choice" : "planned").append(": ")
                .append(quote.total()).append(", ships ").append(quote.shipDate()).append(", arrives by ").append(quote.estimatedDelivery());
        if (order.promisedOn() != null) {
            reason.append(assignment.keepsPromise() ? " (promised " : " (LATE: promised ").append(order.promisedOn()).append(')');
        }
        if (!assignment.honoursCustomerChoice()) {
            reason.append("; not the kind of delivery the shopper chose (").append(order.serviceLevel()).append(')');
        }
        if (assignment.isOnNonPreferredCarrier()) {
            reason.append("; not one of the merchant's preferred carriers");
        }
        if (assignment.isEco()) {
            reason.append("; ").append(quote.service().co2GramsPerParcel()).append(" g CO2");
        }
        if (parcel.estimate().guessed()) {
            reason.append("; parcel estimated with default sizes for items the catalog gives no size or weight");
        }
        return new Outcome(order.orderId(), order.merchantId(), quote.service().qualifiedCode(), quote.carrierCode(), null, reason.toString(),
                quote.total().minorUnits(), quote.total().currency().getCurrencyCode(), quote.shipDate(), quote.estimatedDelivery(),
                order.promisedOn(), order.carrierService(), parcel.estimate());
    }
}
