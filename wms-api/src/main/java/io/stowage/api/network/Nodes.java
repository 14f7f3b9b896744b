package io.stowage.api.network;

import io.stowage.api.Published;
import io.stowage.api.access.Caller;
import io.stowage.api.commands.Commands;
import io.stowage.api.database.Params;
import io.stowage.api.merchants.Merchants;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ApiProblem.FieldProblem;
import io.stowage.api.problem.ProblemType;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Warehouses and stores as callers see them. The administrator sets the network up; workers see
 * every node; a merchant sees the warehouses and its own stores, and another merchant's store is
 * not found.
 */
@Service
@Published
public class Nodes {

    private static final int NEAR_DEFAULT_LIMIT = 10;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final DatabaseClient db;
    private final Network network;
    private final Merchants merchants;

    public Nodes(DatabaseClient db, Network network, Merchants merchants) {
        this.db = db;
        this.network = network;
        this.merchants = merchants;
    }

    public record NewNode(String code, String kind, String name, UUID merchantId, Node.Address address,
                          double latitude, double longitude, String timeZone) {
    }

    public Mono<Node> create(Caller caller, NewNode request) {
        if (!(caller instanceof Caller.Admin)) {
            return Mono.error(ApiProblem.forbidden("Only the administrator adds warehouses and stores"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!COUNTRIES.contains(request.address().country())) {
            problems.add(new FieldProblem("address.country", "must be an ISO 3166-1 alpha-2 country code such as LT or DE"));
        }
        try {
            ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("time_zone", "must be an IANA time zone such as Europe/Vilnius"));
        }
        if (request.merchantId() != null && Node.WAREHOUSE.equals(request.kind())) {
            problems.add(new FieldProblem("merchant_id", "is only for stores: warehouses serve every merchant"));
        }
        if (!problems.isEmpty()) {
            return Mono.error(ApiProblem.invalid("The node is not valid", problems));
        }
        return merchantExists(request.merchantId())
                .flatMap(exists -> exists ? insert(request)
                        : Mono.error(ApiProblem.invalid("merchant_id", "no merchant has the id " + request.merchantId())));
    }

    public Mono<Page<Node>> list(Caller caller, Integer limit, String after) {
        int size = Cursor.limit(limit);
        String afterCode = Cursor.decode(after);
        UUID merchant = caller instanceof Caller.Merchant m ? m.merchantId() : null;
        return db.sql("SELECT " + NodeRows.COLUMNS + " FROM nodes n WHERE n.code COLLATE \"C\" > :after"
                        + (merchant == null ? "" : " AND (n.kind = 'warehouse' OR n.merchant_id = :merchant)")
                        + " ORDER BY n.code COLLATE \"C\" LIMIT :limit")
                .bind("after", afterCode)
                .bind("limit", size + 1)
                .bindValues(merchant == null ? Map.of() : Map.of("merchant", merchant))
                .map(NodeRows::node).all().collectList()
                .map(rows -> Page.of(rows, size, Node::code));
    }

    /** The node if the caller may see it; another merchant's store is not found. */
    public Mono<Node> visible(Caller caller, String code) {
        return network.node(code).filter(node -> mayView(caller, node))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Node", code)));
    }

    /** Up to {@code limit} nodes the caller may see, of the kind when given, nearest first from the point. */
    public Mono<List<NearbyNode>> near(Caller caller, double latitude, double longitude, String kind, Integer limit) {
        if (kind != null && !Node.WAREHOUSE.equals(kind) && !Node.STORE.equals(kind)) {
            return Mono.error(ApiProblem.invalid("kind", "must be warehouse or store"));
        }
        int size = limit == null ? NEAR_DEFAULT_LIMIT : limit;
        if (size < 1 || size > Page.MAX_LIMIT) {
            return Mono.error(ApiProblem.invalid("limit", "must be between 1 and " + Page.MAX_LIMIT));
        }
        return network.nodesNear(latitude, longitude)
                .filter(nearby -> mayView(caller, nearby.node()))
                .filter(nearby -> kind == null || kind.equals(nearby.node().kind()))
                .take(size)
                .collectList();
    }

    /**
     * The node for reading its floor: zones, locations and labels belong to the 3PL's staff, so a
     * merchant is refused whatever the node.
     */
    Mono<Node> forStaff(Caller caller, String code) {
        if (caller instanceof Caller.Merchant) {
            return Mono.error(ApiProblem.forbidden("Zones, locations and labels are for the 3PL's staff"));
        }
        return network.node(code);
    }

    /** The node for changing its floor: the administrator, or a supervisor who works in that node. */
    Mono<Node> forManager(Caller caller, String code) {
        try {
            caller.requireAdminOrSupervisor();
        } catch (ApiProblem refused) {
            return Mono.error(refused);
        }
        return network.node(code).flatMap(node -> caller instanceof Caller.Worker worker && !node.id().equals(worker.nodeId())
                ? Mono.error(ApiProblem.forbidden("A supervisor sets up only the node they work in, not " + code))
                : Mono.just(node));
    }

    private static boolean mayView(Caller caller, Node node) {
        return !(caller instanceof Caller.Merchant merchant) || node.isWarehouse() || merchant.merchantId().equals(node.merchantId());
    }

    private Mono<Boolean> merchantExists(UUID merchantId) {
        if (merchantId == null) {
            return Mono.just(true);
        }
        return merchants.exists(merchantId);
    }

    private Mono<Node> insert(NewNode request) {
        Node.Address address = request.address();
        return db.sql("""
                        INSERT INTO nodes (code, kind, name, merchant_id, address_line, city, postal_code, country,
                                           latitude, longitude, time_zone)
                        VALUES (:code, :kind, :name, :merchant, :line, :city, :postalCode, :country, :latitude, :longitude, :timeZone)
                        ON CONFLICT (code) DO NOTHING
                        RETURNING id
                        """)
                .bind("code", request.code())
                .bind("kind", request.kind())
                .bind("name", request.name())
                .bind("merchant", Params.nullable(request.merchantId(), UUID.class))
                .bind("line", address.line())
                .bind("city", address.city())
                .bind("postalCode", address.postalCode())
                .bind("country", address.country())
                .bind("latitude", request.latitude())
                .bind("longitude", request.longitude())
                .bind("timeZone", request.timeZone())
                .map(row -> row.get("id", UUID.class))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.of(ProblemType.NODE_EXISTS, "A warehouse or store with the code " + request.code() + " already exists")))
                .flatMap(id -> Commands.afterCommit(network::forgetNodes).then(network.node(id)));
    }
}
