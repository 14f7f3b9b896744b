package io.stowage.api.dayplan;

import io.stowage.api.carriers.CarrierDirectory;
import io.stowage.api.carriers.CarrierServiceView;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.database.Params;
import io.stowage.api.network.Network;
import io.stowage.api.network.Node;
import io.stowage.api.orders.OrderStatus;
import io.stowage.api.orders.OrdersToShip;
import io.stowage.api.orders.OrdersToShip.OrderToShip;
import io.stowage.carriers.label.LabelRenderer;
import io.stowage.carriers.ratecard.InMemoryTrackingNumberSequence;
import io.stowage.carriers.ratecard.RateCardCarrier;
import io.stowage.carriers.selection.DayPlanSolver;
import io.stowage.carriers.selection.RateShopper;
import io.stowage.carriers.selection.SelectionPolicy;
import io.stowage.carriers.spi.Address;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs due day plans, one node and day at a time. A pass claims the most overdue plan with
 * {@code FOR UPDATE SKIP LOCKED}, a fresh token and a lease, reads the node's orders still to
 * label, solves outside any transaction on a worker thread, and writes the result only while the
 * token is still the plan's: an instance that lost its claim (it paused past the lease and another
 * took over) writes nothing. So two instances never plan the same node and day at once, and a dead
 * instance's run is taken over when its lease ends.
 * <p>
 * After each run the plan becomes due again at the next carrier cut-off of the day, when parcels
 * still unlabelled for a carrier that has just collected must move to another.
 */
@Component
class DayPlanRuns {

    private static final Logger log = LoggerFactory.getLogger(DayPlanRuns.class);
    /** Orders the node still has to pack and label; packed ones already have their labels. */
    static final Set<OrderStatus> TO_LABEL = EnumSet.of(OrderStatus.ALLOCATED, OrderStatus.RELEASED, OrderStatus.PICKED);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Network network;
    private final OrdersToShip orders;
    private final Variants variants;
    private final CarrierDirectory directory;
    private final DayPlanSettings settings;
    private final RateShopper shopper;
    private final DayPlanSolver solver;

    DayPlanRuns(DatabaseClient db, TransactionalOperator tx, Network network, OrdersToShip orders, Variants variants,
                CarrierDirectory directory, DayPlanSettings settings) {
        this.db = db;
        this.tx = tx;
        this.network = network;
        this.orders = orders;
        this.variants = variants;
        this.directory = directory;
        this.settings = settings;
        // Quotes only: these carriers never print a label, so their tracking numbers are never used.
        LabelRenderer labels = new LabelRenderer();
        this.shopper = new RateShopper(directory.rateCards().stream()
                .map(card -> new RateCardCarrier(card, new InMemoryTrackingNumberSequence(1), labels)).toList());
        this.solver = new DayPlanSolver(settings.solveLimit, settings.unimprovedLimit);
    }

    private record Claim(UUID nodeId, LocalDate day, int run, String reason, OffsetDateTime claimedAt, UUID token) {
    }

    /** One pass of the loop: runs one due plan, if any; answers how many it ran. */
    Mono<Integer> pass() {
        UUID token = UUID.randomUUID();
        return db.sql("""
                        UPDATE day_plans d SET claim_token = :token, claimed_until = clock_timestamp() + make_interval(secs => :lease),
                                               runs = d.runs + 1
                        FROM (SELECT node_id, plan_day, due_reason FROM day_plans
                              WHERE due_at <= clock_timestamp() AND (claimed_until IS NULL OR claimed_until < clock_timestamp())
                              ORDER BY due_at
                              LIMIT 1
                              FOR UPDATE SKIP LOCKED) due
                        WHERE d.node_id = due.node_id AND d.plan_day = due.plan_day
                        RETURNING d.node_id, d.plan_day, d.runs, due.due_reason, clock_timestamp() AS claimed_at
                        """)
                .bind("token", token).bind("lease", (double) settings.lease.toMillis() / 1000)
                .map(row -> new Claim(row.get("node_id", UUID.class), row.get("plan_day", LocalDate.class), row.get("runs", Integer.class),
                        Objects.requireNonNullElse(row.get("due_reason", String.class), DayPlanRequests.REQUESTED),
                        row.get("claimed_at", OffsetDateTime.class), token))
                .one()
                .flatMap(claim -> run(claim)
                        .onErrorResume(failure -> {
                            log.warn("Day plan of node {} for {} failed; it is tried again in a minute", claim.nodeId(), claim.day(), failure);
                            return release(claim);
                        })
                        .thenReturn(1))
                .defaultIfEmpty(0);
    }

    private Mono<Void> run(Claim claim) {
        return network.node(claim.nodeId()).flatMap(node -> read(claim, node)
                .zipWhen(inputs -> DayPlanning.quote(inputs, shopper))
                .publishOn(Schedulers.boundedElastic())
                .map(quoted -> DayPlanning.plan(quoted.getT1(), quoted.getT2(), solver))
                .flatMap(result -> persist(claim, node, result).as(tx::transactional)));
    }

    private Mono<DayPlanning.Inputs> read(Claim claim, Node node) {
        Mono<Set<UUID>> labelled = db.sql("SELECT order_id FROM planned_parcels WHERE node_id = :node AND labelled_at IS NOT NULL")
                .bind("node", claim.nodeId()).map(row -> row.get("order_id", UUID.class)).all().collect(HashSet::new, Set::add);
        Mono<List<OrderToShip>> toPlan = labelled.flatMap(done -> orders.atNode(claim.nodeId(), TO_LABEL)
                .filter(order -> !"store_pickup".equals(order.serviceLevel()) && !done.contains(order.orderId()))
                .collectList());
        return Mono.zip(toPlan, capacityLeft(claim), Mono.just(Instant.now()))
                .flatMap(parts -> {
                    List<OrderToShip> list = parts.getT1();
                    Set<UUID> variantIds = new HashSet<>();
                    Set<UUID> merchants = new HashSet<>();
                    list.forEach(order -> {
                        merchants.add(order.merchantId());
                        order.units().forEach(units -> variantIds.add(units.variantId()));
                    });
                    return Mono.zip(
                                    variantIds.isEmpty() ? Mono.just(Map.<UUID, VariantRef>of())
                                            : variants.byIds(variantIds).collectMap(VariantRef::id),
                                    preferred(merchants))
                            .map(lookups -> new DayPlanning.Inputs(claim.day(), parts.getT3(), from(node),
                                    list.stream().map(order -> new DayPlanning.OrderParcel(order, estimate(order, lookups.getT1()))).toList(),
                                    lookups.getT2(), parts.getT2(), SelectionPolicy.defaultsFor(settings.currency)));
                });
    }

    private static ParcelEstimate estimate(OrderToShip order, Map<UUID, VariantRef> variants) {
        List<ParcelEstimate.Unit> units = new ArrayList<>();
        for (OrdersToShip.Units held : order.units()) {
            VariantRef variant = variants.get(held.variantId());
            units.add(variant == null ? new ParcelEstimate.Unit(null, null, null, null, held.quantity())
                    : new ParcelEstimate.Unit(variant.weightG(), variant.lengthMm(), variant.widthMm(), variant.heightMm(), held.quantity()));
        }
        return ParcelEstimate.of(units);
    }

    private static Address from(Node node) {
        Node.Address address = node.address();
        return address == null ? Address.of(node.name(), "", "", "", "")
                : Address.of(node.name(), address.line(), address.city(), address.postalCode(), address.country());
    }

    /**
     * Each carrier's parcels left to collect today: the node's own capacity for it, else its rate
     * card's daily pickup capacity, less the parcels already labelled for it today.
     */
    private Mono<Map<String, Integer>> capacityLeft(Claim claim) {
        Mono<Map<String, Integer>> configured = db.sql("SELECT carrier_code, parcels_per_day FROM carrier_pickup_capacities WHERE node_id = :node")
                .bind("node", claim.nodeId())
                .map(row -> Map.entry(row.get("carrier_code", String.class), row.get("parcels_per_day", Integer.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
        Mono<Map<String, Integer>> labelled = db.sql("""
                        SELECT carrier_code, count(*) AS n FROM planned_parcels
                        WHERE node_id = :node AND plan_day = :day AND carrier_code IS NOT NULL AND labelled_at IS NOT NULL
                        GROUP BY carrier_code
                        """)
                .bind("node", claim.nodeId()).bind("day", claim.day())
                .map(row -> Map.entry(row.get("carrier_code", String.class), row.get("n", Number.class).intValue()))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
        return Mono.zip(configured, labelled).map(parts -> {
            Map<String, Integer> left = new HashMap<>();
            directory.rateCards().stream().filter(card -> card.dailyPickupCapacity() != null)
                    .forEach(card -> left.put(card.carrier(), card.dailyPickupCapacity()));
            left.putAll(parts.getT1());
            left.replaceAll((carrier, capacity) -> capacity - parts.getT2().getOrDefault(carrier, 0));
            return left;
        });
    }

    private Mono<Map<UUID, Set<String>>> preferred(Set<UUID> merchants) {
        if (merchants.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT merchant_id, carrier_code FROM preferred_carriers WHERE merchant_id = ANY(:merchants)")
                .bind("merchants", merchants.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("merchant_id", UUID.class), row.get("carrier_code", String.class)))
                .all()
                .collect(HashMap::new, (Map<UUID, Set<String>> map, Map.Entry<UUID, String> entry) ->
                        map.computeIfAbsent(entry.getKey(), merchant -> new HashSet<>()).add(entry.getValue()));
    }

    private Mono<Void> persist(Claim claim, Node node, DayPlanning.Result result) {
        UUID[] planned = result.outcomes().stream().map(DayPlanning.Outcome::orderId).toArray(UUID[]::new);
        OffsetDateTime nextCutOff = nextCutOff(claim.day(), Instant.now());
        return db.sql("SELECT 1 FROM day_plans WHERE node_id = :node AND plan_day = :day AND claim_token = :token FOR UPDATE")
                .bind("node", claim.nodeId()).bind("day", claim.day()).bind("token", claim.token())
                .map(row -> true).one()
                .switchIfEmpty(Mono.fromRunnable(() -> log.warn("Day plan of node {} for {} (run {}) lost its claim; its result is dropped",
                        node.code(), claim.day(), claim.run())))
                .flatMap(stillOurs -> db.sql("""
                                        DELETE FROM planned_parcels
                                        WHERE node_id = :node AND labelled_at IS NULL AND NOT (order_id = ANY(:planned))
                                        """)
                                .bind("node", claim.nodeId()).bind("planned", planned).then()
                        .then(Flux.fromIterable(result.outcomes()).concatMap(outcome -> write(claim, outcome)).then())
                        .then(db.sql("""
                                        INSERT INTO day_plan_runs (node_id, plan_day, run, reason, started_at, finished_at, parcels, assigned,
                                                                   promises_kept, cost_minor, greedy_cost_minor, greedy_promises_kept, currency,
                                                                   solve_millis, score)
                                        VALUES (:node, :day, :run, :reason, :started, clock_timestamp(), :parcels, :assigned, :kept, :cost,
                                                :greedyCost, :greedyKept, :currency, :millis, :score)
                                        """)
                                .bind("node", claim.nodeId()).bind("day", claim.day()).bind("run", claim.run()).bind("reason", claim.reason())
                                .bind("started", claim.claimedAt()).bind("parcels", result.outcomes().size())
                                .bind("assigned", (int) result.outcomes().stream().filter(o -> o.serviceCode() != null).count())
                                .bind("kept", result.solver().promisesKept()).bind("cost", result.solver().totalCostMinor())
                                .bind("greedyCost", result.greedy().totalCostMinor()).bind("greedyKept", result.greedy().promisesKept())
                                .bind("currency", settings.currency).bind("millis", (int) result.solveMillis()).bind("score", result.score())
                                .then())
                        .then(db.sql("""
                                        UPDATE day_plans SET claim_token = NULL, claimed_until = NULL,
                                               due_at = CASE WHEN due_at > :claimedAt THEN due_at ELSE :nextCutOff END,
                                               due_reason = CASE WHEN due_at > :claimedAt THEN due_reason
                                                                 WHEN CAST(:nextCutOff AS timestamptz) IS NULL THEN NULL ELSE 'cut_off' END
                                        WHERE node_id = :node AND plan_day = :day
                                        """)
                                .bind("claimedAt", claim.claimedAt()).bind("nextCutOff", Params.nullable(nextCutOff, OffsetDateTime.class))
                                .bind("node", claim.nodeId()).bind("day", claim.day())
                                .then()));
    }

    private Mono<Void> write(Claim claim, DayPlanning.Outcome outcome) {
        ParcelEstimate estimate = outcome.estimate();
        return db.sql("""
                        INSERT INTO planned_parcels (order_id, merchant_id, node_id, plan_day, run, service_code, carrier_code, unassigned_reason,
                                                     reason, cost_minor, currency, ship_date, estimated_delivery, promised_on, customer_choice,
                                                     weight_g, length_mm, width_mm, height_mm, planned_at)
                        VALUES (:order, :merchant, :node, :day, :run, :service, :carrier, :unassigned, :reason, :cost, :currency, :ship,
                                :delivery, :promised, :choice, :weight, :length, :width, :height, clock_timestamp())
                        ON CONFLICT (order_id) DO UPDATE SET
                            merchant_id = excluded.merchant_id, node_id = excluded.node_id, plan_day = excluded.plan_day, run = excluded.run,
                            service_code = excluded.service_code, carrier_code = excluded.carrier_code,
                            unassigned_reason = excluded.unassigned_reason, reason = excluded.reason, cost_minor = excluded.cost_minor,
                            currency = excluded.currency, ship_date = excluded.ship_date, estimated_delivery = excluded.estimated_delivery,
                            promised_on = excluded.promised_on, customer_choice = excluded.customer_choice, weight_g = excluded.weight_g,
                            length_mm = excluded.length_mm, width_mm = excluded.width_mm, height_mm = excluded.height_mm,
                            planned_at = excluded.planned_at
                        WHERE planned_parcels.labelled_at IS NULL
                        """)
                .bind("order", outcome.orderId()).bind("merchant", outcome.merchantId()).bind("node", claim.nodeId())
                .bind("day", claim.day()).bind("run", claim.run())
                .bind("service", Params.nullable(outcome.serviceCode(), String.class))
                .bind("carrier", Params.nullable(outcome.carrierCode(), String.class))
                .bind("unassigned", Params.nullable(outcome.unassignedReason(), String.class))
                .bind("reason", outcome.reason())
                .bind("cost", Params.nullable(outcome.costMinor(), Long.class))
                .bind("currency", Params.nullable(outcome.currency(), String.class))
                .bind("ship", Params.nullable(outcome.shipDate(), LocalDate.class))
                .bind("delivery", Params.nullable(outcome.estimatedDelivery(), LocalDate.class))
                .bind("promised", Params.nullable(outcome.promisedOn(), LocalDate.class))
                .bind("choice", Params.nullable(outcome.customerChoice(), String.class))
                .bind("weight", estimate.weightGrams()).bind("length", estimate.lengthMm())
                .bind("width", estimate.widthMm()).bind("height", estimate.heightMm())
                .then();
    }

    /** A failed run gives its claim back and is tried again a minute later. */
    private Mono<Void> release(Claim claim) {
        return db.sql("""
                        UPDATE day_plans SET claim_token = NULL, claimed_until = NULL,
                               due_at = greatest(due_at, clock_timestamp() + interval '1 minute')
                        WHERE node_id = :node AND plan_day = :day AND claim_token = :token
                        """)
                .bind("node", claim.nodeId()).bind("day", claim.day()).bind("token", claim.token())
                .then()
                .onErrorResume(e -> {
                    log.warn("Could not give back the claim on the day plan of node {} for {}", claim.nodeId(), claim.day(), e);
                    return Mono.empty();
                });
    }

    /**
     * The next cut-off after {@code now} on {@code day} among the services that collect that day,
     * each in its carrier's time zone; null when none is left.
     */
    OffsetDateTime nextCutOff(LocalDate day, Instant now) {
        Instant next = null;
        for (CarrierServiceView service : directory.services()) {
            if (service.cutOff() == null || !service.pickupDays().contains(day.getDayOfWeek())) {
                continue;
            }
            Instant cutOff = day.atTime(LocalTime.parse(service.cutOff())).atZone(ZoneId.of(service.timeZone())).toInstant();
            if (cutOff.isAfter(now) && (next == null || cutOff.isBefore(next))) {
                next = cutOff;
            }
        }
        return next == null ? null : next.atOffset(ZoneOffset.UTC);
    }
}
