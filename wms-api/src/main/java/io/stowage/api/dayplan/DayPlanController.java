package io.stowage.api.dayplan;

import io.stowage.api.access.Caller;
import io.stowage.api.carriers.CarrierCodes;
import io.stowage.api.carriers.CarrierDirectory;
import io.stowage.api.commands.CommandScope;
import io.stowage.api.commands.Commands;
import io.stowage.api.dayplan.DayPlanViews.CapacityView;
import io.stowage.api.dayplan.DayPlanViews.DayPlanView;
import io.stowage.api.dayplan.DayPlanViews.ParcelView;
import io.stowage.api.dayplan.DayPlanViews.PreferredCarriersView;
import io.stowage.api.dayplan.DayPlanViews.RunRequested;
import io.stowage.api.network.Network;
import io.stowage.api.network.Node;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The day plan over HTTP. Merchants read their own parcels of a node's plan, their order's planned
 * service and set their preferred carriers; the admin and the node's workers read the whole plan
 * with its runs and the carriers' pickup capacities; the admin and the node's supervisors set those
 * capacities and ask for a run now. A worker sees only their own node; another node answers 404.
 */
@RestController
class DayPlanController {

    private final Network network;
    private final DayPlanQueries queries;
    private final DayPlanRequests requests;
    private final CarrierDirectory carriers;
    private final DatabaseClient db;
    private final Commands commands;

    DayPlanController(Network network, DayPlanQueries queries, DayPlanRequests requests, CarrierDirectory carriers, DatabaseClient db,
                      Commands commands) {
        this.network = network;
        this.queries = queries;
        this.requests = requests;
        this.carriers = carriers;
        this.db = db;
        this.commands = commands;
    }

    record CapacityRequest(@NotNull @PositiveOrZero @Max(1_000_000) Integer parcelsPerDay) {
    }

    record PreferredCarriersRequest(@NotNull @Size(max = 20) List<@NotNull @Size(max = 60) String> carriers) {
    }

    @GetMapping("/api/v1/nodes/{code}/day-plans/{day}")
    Mono<DayPlanView> plan(@AuthenticationPrincipal Caller caller, @PathVariable String code, @PathVariable String day) {
        LocalDate date = day(day);
        return readable(caller, code).flatMap(node -> queries.plan(node.id(), node.code(), date, merchantOf(caller)));
    }

    @GetMapping("/api/v1/nodes/{code}/day-plans/{day}/parcels")
    Mono<Page<ParcelView>> parcels(@AuthenticationPrincipal Caller caller, @PathVariable String code, @PathVariable String day,
                                   @RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
                                   @RequestParam(required = false) String after) {
        LocalDate date = day(day);
        Boolean assigned = status == null ? null : switch (status) {
            case "assigned" -> Boolean.TRUE;
            case "unassigned" -> Boolean.FALSE;
            default -> throw ApiProblem.invalid("status", "must be assigned or unassigned");
        };
        String cursor = Cursor.decode(after);
        UUID afterId;
        try {
            afterId = cursor.isEmpty() ? null : UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("after", "is not a cursor this API gave out");
        }
        int size = Cursor.limit(limit);
        return readable(caller, code).flatMap(node -> queries.parcels(node.id(), date, merchantOf(caller), assigned, afterId, size));
    }

    /** The order's parcel in the plan: the service it is planned on, or why it has none. */
    @GetMapping("/api/v1/orders/{id}/carrier-plan")
    Mono<ParcelView> ofOrder(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        if (caller instanceof Caller.Worker) {
            throw ApiProblem.forbidden("This endpoint is for merchants' API keys and the admin");
        }
        return queries.parcelOfOrder(merchantOf(caller), id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Carrier plan of order", id)));
    }

    @PostMapping("/api/v1/nodes/{code}/day-plans/runs")
    Mono<ResponseEntity<String>> run(@AuthenticationPrincipal Caller caller, @PathVariable String code) {
        caller.requireAdminOrSupervisor();
        return commands.run(CommandScope.of(caller), null, HttpStatus.ACCEPTED, () -> writable(caller, code)
                .flatMap(node -> requests.request(node.id(), DayPlanRequests.REQUESTED)
                        .map(day -> new RunRequested(node.code(), day, DayPlanRequests.REQUESTED))));
    }

    @GetMapping("/api/v1/nodes/{code}/carrier-capacities")
    Mono<List<CapacityView>> capacities(@AuthenticationPrincipal Caller caller, @PathVariable String code) {
        if (caller instanceof Caller.Merchant) {
            // The 3PL's arrangements with carriers; a merchant sees the capacity left for its parcels in the day plan.
            throw ApiProblem.forbidden("This endpoint is for the admin and the node's workers");
        }
        return readable(caller, code).flatMap(node -> queries.capacities(node.id()));
    }

    @PutMapping("/api/v1/nodes/{code}/carrier-capacities/{carrier}")
    Mono<ResponseEntity<String>> setCapacity(@AuthenticationPrincipal Caller caller, @PathVariable String code,
                                             @PathVariable("carrier") String carrierAsTyped, @Valid @RequestBody CapacityRequest request) {
        caller.requireAdminOrSupervisor();
        String carrier = CarrierCodes.normalise(carrierAsTyped);
        if (!carriers.knowsCarrier(carrier)) {
            throw ApiProblem.invalid("carrier", "no carrier has the code " + carrier + "; GET /api/v1/carrier-services lists them");
        }
        return commands.run(CommandScope.of(caller), request, HttpStatus.OK, () -> writable(caller, code)
                .flatMap(node -> db.sql("""
                                INSERT INTO carrier_pickup_capacities (node_id, carrier_code, parcels_per_day) VALUES (:node, :carrier, :parcels)
                                ON CONFLICT (node_id, carrier_code) DO UPDATE SET parcels_per_day = excluded.parcels_per_day, updated_at = now()
                                RETURNING updated_at
                                """)
                        .bind("node", node.id()).bind("carrier", carrier).bind("parcels", request.parcelsPerDay())
                        .map(row -> new CapacityView(carrier, request.parcelsPerDay(), row.get("updated_at", OffsetDateTime.class))).one()));
    }

    @GetMapping("/api/v1/preferred-carriers")
    Mono<PreferredCarriersView> preferred(@AuthenticationPrincipal Caller caller) {
        return queries.preferred(caller.asMerchant().merchantId()).map(PreferredCarriersView::new);
    }

    /** Replaces the merchant's preferred carriers; an empty list prefers none. */
    @PutMapping("/api/v1/preferred-carriers")
    Mono<ResponseEntity<String>> setPreferred(@AuthenticationPrincipal Caller caller, @Valid @RequestBody PreferredCarriersRequest request) {
        UUID merchantId = caller.asMerchant().merchantId();
        List<ApiProblem.FieldProblem> unknown = new ArrayList<>();
        for (int i = 0; i < request.carriers().size(); i++) {
            if (!carriers.knowsCarrier(CarrierCodes.normalise(request.carriers().get(i)))) {
                unknown.add(new ApiProblem.FieldProblem("carriers[" + i + "]", "no carrier has the code " + request.carriers().get(i)
                        + "; GET /api/v1/carrier-services lists them"));
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiProblem.invalid("carriers names carriers that do not exist", unknown);
        }
        List<String> codes = request.carriers().stream().map(CarrierCodes::normalise).distinct().sorted().toList();
        return commands.run(CommandScope.merchant(merchantId), request, HttpStatus.OK, () -> db.sql("DELETE FROM preferred_carriers WHERE merchant_id = :merchant")
                .bind("merchant", merchantId).then()
                .then(codes.isEmpty() ? Mono.empty() : db.sql("""
                                INSERT INTO preferred_carriers (merchant_id, carrier_code) SELECT :merchant, unnest(CAST(:carriers AS text[]))
                                """)
                        .bind("merchant", merchantId).bind("carriers", codes.toArray(String[]::new)).then())
                .then(queries.preferred(merchantId)).map(PreferredCarriersView::new));
    }

    private static LocalDate day(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalid("day", "must be a date such as 2026-12-04");
        }
    }

    private static UUID merchantOf(Caller caller) {
        return caller instanceof Caller.Merchant merchant ? merchant.merchantId() : null;
    }

    /** The node if the caller may read its plan: any warehouse (or own store) for merchants, the own node for workers. */
    private Mono<Node> readable(Caller caller, String code) {
        return network.node(code)
                .filter(node -> caller instanceof Caller.Worker worker ? worker.nodeId().equals(node.id())
                        : !(caller instanceof Caller.Merchant merchant) || node.isWarehouse() || merchant.merchantId().equals(node.merchantId()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Node", code)));
    }

    /** The node if the caller (the admin or a supervisor) may change its plan: a supervisor only their own. */
    private Mono<Node> writable(Caller caller, String code) {
        return network.node(code)
                .filter(node -> !(caller instanceof Caller.Worker worker) || worker.nodeId().equals(node.id()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Node", code)));
    }
}
