package io.stowage.api.dayplan;

import io.r2dbc.spi.Readable;
import io.stowage.api.carriers.CarrierDirectory;
import io.stowage.api.database.Params;
import io.stowage.api.dayplan.DayPlanViews.CapacityView;
import io.stowage.api.dayplan.DayPlanViews.CarrierLoad;
import io.stowage.api.dayplan.DayPlanViews.DayPlanView;
import io.stowage.api.dayplan.DayPlanViews.ParcelView;
import io.stowage.api.dayplan.DayPlanViews.RunView;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads plans, runs, capacities and preferences; {@code merchantId} null reads every merchant's parcels. */
@Component
class DayPlanQueries {

    private final DatabaseClient db;
    private final CarrierDirectory directory;

    DayPlanQueries(DatabaseClient db, CarrierDirectory directory) {
        this.db = db;
        this.directory = directory;
    }

    /** The node's capacity for the carrier, else its rate card's; null when neither says. */
    private Integer capacity(String carrierCode, Integer configured) {
        if (configured != null) {
            return configured;
        }
        return directory.rateCards().stream().filter(card -> card.carrier().equals(carrierCode)).findFirst()
                .map(card -> card.dailyPickupCapacity()).orElse(null);
    }

    Mono<DayPlanView> plan(UUID nodeId, String nodeCode, LocalDate day, UUID merchantId) {
        Mono<Object[]> header = db.sql("""
                        SELECT due_at, due_reason, claim_token IS NOT NULL AND claimed_until > clock_timestamp() AS running
                        FROM day_plans WHERE node_id = :node AND plan_day = :day
                        """)
                .bind("node", nodeId).bind("day", day)
                .map(row -> new Object[] {row.get("due_at", OffsetDateTime.class), row.get("due_reason", String.class),
                        Boolean.TRUE.equals(row.get("running", Boolean.class))})
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Day plan", nodeCode + "/" + day)));
        Mono<List<CarrierLoad>> carriers = db.sql("""
                        WITH mine AS (
                            SELECT carrier_code, count(*) AS planned, count(*) FILTER (WHERE labelled_at IS NOT NULL) AS labelled
                            FROM planned_parcels
                            WHERE node_id = :node AND plan_day = :day AND carrier_code IS NOT NULL
                              AND (CAST(:merchant AS uuid) IS NULL OR merchant_id = :merchant)
                            GROUP BY carrier_code
                        )
                        SELECT coalesce(m.carrier_code, c.carrier_code) AS carrier_code, coalesce(m.planned, 0) AS planned,
                               coalesce(m.labelled, 0) AS labelled, c.parcels_per_day
                        FROM mine m FULL JOIN (SELECT carrier_code, parcels_per_day FROM carrier_pickup_capacities WHERE node_id = :node) c
                             ON c.carrier_code = m.carrier_code
                        ORDER BY 1
                        """)
                .bind("node", nodeId).bind("day", day).bind("merchant", Params.nullable(merchantId, UUID.class))
                .map(row -> new CarrierLoad(row.get("carrier_code", String.class), row.get("planned", Number.class).intValue(),
                        row.get("labelled", Number.class).intValue(),
                        capacity(row.get("carrier_code", String.class), row.get("parcels_per_day", Integer.class))))
                .all().collectList();
        Mono<Integer> unassigned = db.sql("""
                        SELECT count(*) AS n FROM planned_parcels
                        WHERE node_id = :node AND plan_day = :day AND service_code IS NULL
                          AND (CAST(:merchant AS uuid) IS NULL OR merchant_id = :merchant)
                        """)
                .bind("node", nodeId).bind("day", day).bind("merchant", Params.nullable(merchantId, UUID.class))
                .map(row -> row.get("n", Number.class).intValue()).one();
        Mono<List<RunView>> runs = merchantId != null ? Mono.just(List.of()) : db.sql("""
                        SELECT * FROM day_plan_runs WHERE node_id = :node AND plan_day = :day ORDER BY run
                        """)
                .bind("node", nodeId).bind("day", day)
                .map(row -> new RunView(row.get("run", Integer.class), row.get("reason", String.class),
                        row.get("started_at", OffsetDateTime.class), row.get("finished_at", OffsetDateTime.class),
                        row.get("parcels", Integer.class), row.get("assigned", Integer.class), row.get("promises_kept", Integer.class),
                        row.get("cost_minor", Long.class), row.get("greedy_cost_minor", Long.class),
                        row.get("greedy_promises_kept", Integer.class), row.get("currency", String.class),
                        row.get("solve_millis", Integer.class), row.get("score", String.class)))
                .all().collectList();
        return Mono.zip(header, carriers, unassigned, runs)
                .map(parts -> new DayPlanView(nodeCode, day, (OffsetDateTime) parts.getT1()[0], (String) parts.getT1()[1],
                        (Boolean) parts.getT1()[2], parts.getT2(), parts.getT3(), merchantId != null ? null : parts.getT4()));
    }

    /** The day's parcels by order id; {@code assigned} true, false or null (both). */
    Mono<Page<ParcelView>> parcels(UUID nodeId, LocalDate day, UUID merchantId, Boolean assigned, UUID after, int limit) {
        return db.sql("""
                        SELECT * FROM planned_parcels
                        WHERE node_id = :node AND plan_day = :day
                          AND (CAST(:merchant AS uuid) IS NULL OR merchant_id = :merchant)
                          AND (CAST(:assigned AS boolean) IS NULL OR (service_code IS NOT NULL) = :assigned)
                          AND (CAST(:after AS uuid) IS NULL OR order_id > :after)
                        ORDER BY order_id
                        LIMIT :limit
                        """)
                .bind("node", nodeId).bind("day", day).bind("merchant", Params.nullable(merchantId, UUID.class))
                .bind("assigned", Params.nullable(assigned, Boolean.class)).bind("after", Params.nullable(after, UUID.class))
                .bind("limit", limit + 1)
                .map(DayPlanQueries::parcel)
                .all().collectList()
                .map(rows -> Page.of(rows, limit, parcel -> parcel.orderId().toString()));
    }

    /** One order's parcel in the plan, the merchant's own or (merchant null) anyone's; empty when the order is not planned. */
    Mono<ParcelView> parcelOfOrder(UUID merchantId, UUID orderId) {
        return db.sql("SELECT * FROM planned_parcels WHERE order_id = :order AND (CAST(:merchant AS uuid) IS NULL OR merchant_id = :merchant)")
                .bind("order", orderId).bind("merchant", Params.nullable(merchantId, UUID.class))
                .map(DayPlanQueries::parcel)
                .one();
    }

    private static ParcelView parcel(Readable row) {
        return new ParcelView(row.get("order_id", UUID.class), row.get("service_code", String.class),
                row.get("carrier_code", String.class), row.get("unassigned_reason", String.class), row.get("reason", String.class),
                row.get("cost_minor", Long.class), row.get("currency", String.class), row.get("ship_date", LocalDate.class),
                row.get("estimated_delivery", LocalDate.class), row.get("promised_on", LocalDate.class),
                row.get("customer_choice", String.class),
                new DayPlanViews.Parcel(row.get("weight_g", Integer.class), row.get("length_mm", Integer.class),
                        row.get("width_mm", Integer.class), row.get("height_mm", Integer.class)),
                row.get("labelled_at", OffsetDateTime.class) != null, row.get("run", Integer.class),
                row.get("planned_at", OffsetDateTime.class));
    }

    Mono<List<CapacityView>> capacities(UUID nodeId) {
        return db.sql("SELECT carrier_code, parcels_per_day, updated_at FROM carrier_pickup_capacities WHERE node_id = :node ORDER BY carrier_code")
                .bind("node", nodeId)
                .map(row -> new CapacityView(row.get("carrier_code", String.class), row.get("parcels_per_day", Integer.class),
                        row.get("updated_at", OffsetDateTime.class)))
                .all().collectList();
    }

    Mono<List<String>> preferred(UUID merchantId) {
        return db.sql("SELECT carrier_code FROM preferred_carriers WHERE merchant_id = :merchant ORDER BY carrier_code")
                .bind("merchant", merchantId).map(row -> row.get("carrier_code", String.class)).all().collectList();
    }
}
