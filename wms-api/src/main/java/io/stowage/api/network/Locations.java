package io.stowage.api.network;

import io.stowage.api.Published;
import io.stowage.api.access.Caller;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.database.Params;
import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ApiProblem.FieldProblem;
import io.stowage.api.problem.ProblemType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Locations of a node. Creating them is all or nothing: every row is checked (zones, duplicates
 * in the request and against the node) before the first one is written.
 */
@Service
@Published
public class Locations {

    /** How many codes a conflict problem names before it stops listing. */
    private static final int CODES_NAMED = 10;
    /** The most labels one PDF holds: a few rolls' worth, rendered in a few seconds. */
    static final int MAX_LABELS = 2000;

    private final DatabaseClient db;
    private final Nodes nodes;
    private final TransactionalOperator tx;
    private final Variants variants;

    public Locations(DatabaseClient db, Nodes nodes, TransactionalOperator tx, Variants variants) {
        this.db = db;
        this.nodes = nodes;
        this.tx = tx;
        this.variants = variants;
    }

    public record CreatedLocations(int created, List<Location> items) {
    }

    /** The pick face to dedicate a location to: a variant by SKU, of the merchant when the SKU alone is ambiguous. */
    public record PickFaceAssignment(UUID merchantId, String sku) {
    }

    /**
     * A change to a location; a null field is left as it is. {@code pickFaceGiven} with a null
     * {@code pickFace} clears the pick face.
     */
    public record LocationChange(boolean pickFaceGiven, PickFaceAssignment pickFace, Integer pickFaceMin, Boolean active) {
    }

    /** Creates every location or none; run it inside a transaction. */
    public Mono<CreatedLocations> createAll(Caller caller, String nodeCode, List<NewLocation> locations) {
        return nodes.forManager(caller, nodeCode).flatMap(node -> {
            List<FieldProblem> problems = new ArrayList<>();
            Map<String, Integer> firstIndex = new HashMap<>();
            for (int i = 0; i < locations.size(); i++) {
                Integer earlier = firstIndex.putIfAbsent(locations.get(i).code(), i);
                if (earlier != null) {
                    problems.add(new FieldProblem("locations[" + i + "].code", "repeats locations[" + earlier + "].code"));
                }
            }
            Set<String> zoneCodes = new HashSet<>();
            locations.stream().map(NewLocation::zoneCode).filter(zone -> zone != null).forEach(zoneCodes::add);
            return existingZones(node.id(), zoneCodes).flatMap(known -> {
                for (int i = 0; i < locations.size(); i++) {
                    String zone = locations.get(i).zoneCode();
                    if (zone != null && !known.contains(zone)) {
                        problems.add(new FieldProblem("locations[" + i + "].zone_code", "the node " + nodeCode + " has no zone " + zone));
                    }
                }
                if (!problems.isEmpty()) {
                    return Mono.error(ApiProblem.invalid("Some locations are not valid; none was created", problems));
                }
                List<String> codes = locations.stream().map(NewLocation::code).toList();
                return existingCodes(node.id(), codes).flatMap(taken -> taken.isEmpty()
                        ? insert(node.id(), locations).then(views(node.id(), codes))
                                .map(created -> new CreatedLocations(created.size(), created))
                        : Mono.error(ApiProblem.of(ProblemType.LOCATION_EXISTS, "The node " + nodeCode + " already has " + named(taken) + "; none was created")));
            });
        });
    }

    public Mono<Page<Location>> list(Caller caller, String nodeCode, String zone, String type, Integer limit, String after) {
        int size = Cursor.limit(limit);
        String afterCode = Cursor.decode(after);
        if (type != null && !LocationType.isKnown(type)) {
            return Mono.error(ApiProblem.invalid("type", "must be one of " + LocationType.NAMES));
        }
        return nodes.forStaff(caller, nodeCode).flatMap(node -> {
            Map<String, Object> filters = new HashMap<>();
            StringBuilder where = new StringBuilder(" WHERE l.node_id = :node AND l.code COLLATE \"C\" > :after");
            if (zone != null) {
                where.append(" AND z.code = :zone");
                filters.put("zone", zone);
            }
            if (type != null) {
                where.append(" AND l.type = :type");
                filters.put("type", type);
            }
            return db.sql(LocationRows.VIEW_SELECT + where + " ORDER BY l.code COLLATE \"C\" LIMIT :limit")
                    .bind("node", node.id()).bind("after", afterCode).bind("limit", size + 1)
                    .bindValues(filters)
                    .map(LocationRows::view).all().collectList()
                    .flatMap(this::withPickFaceSkus);
        }).map(rows -> Page.of(rows, size, Location::code));
    }

    public Mono<Location> get(Caller caller, String nodeCode, String locationCode) {
        return nodes.forStaff(caller, nodeCode).flatMap(node -> view(node.id(), locationCode));
    }

    public Mono<Location> update(Caller caller, String nodeCode, String locationCode, LocationChange change) {
        return nodes.forManager(caller, nodeCode)
                .flatMap(node -> view(node.id(), locationCode)
                        .flatMap(location -> pickFaceVariant(node, location, change))
                        .flatMap(variant -> db.sql("""
                                        UPDATE locations
                                        SET pick_face_variant_id = CASE WHEN :setPickFace THEN CAST(:variant AS uuid) ELSE pick_face_variant_id END,
                                            pick_face_min = COALESCE(CAST(:pickFaceMin AS integer), pick_face_min),
                                            active = COALESCE(CAST(:active AS boolean), active)
                                        WHERE node_id = :node AND code = :code
                                        """)
                                .bind("setPickFace", change.pickFaceGiven())
                                .bind("variant", Params.nullable(variant.orElse(null), UUID.class))
                                .bind("pickFaceMin", Params.nullable(change.pickFaceMin(), Integer.class))
                                .bind("active", Params.nullable(change.active(), Boolean.class))
                                .bind("node", node.id())
                                .bind("code", locationCode)
                                .then())
                        .then(Mono.defer(() -> view(node.id(), locationCode))))
                .as(tx::transactional);
    }

    /** Codes of the node's locations to print, in code order, filtered by zone, aisle and type when given. */
    public Mono<List<String>> labelCodes(Caller caller, String nodeCode, String zone, Integer aisle, String type) {
        if (type != null && !LocationType.isKnown(type)) {
            return Mono.error(ApiProblem.invalid("type", "must be one of " + LocationType.NAMES));
        }
        return nodes.forStaff(caller, nodeCode).flatMap(node -> {
            Map<String, Object> filters = new HashMap<>();
            StringBuilder where = new StringBuilder(" WHERE l.node_id = :node");
            if (zone != null) {
                where.append(" AND z.code = :zone");
                filters.put("zone", zone);
            }
            if (aisle != null) {
                where.append(" AND l.aisle = :aisle");
                filters.put("aisle", aisle);
            }
            if (type != null) {
                where.append(" AND l.type = :type");
                filters.put("type", type);
            }
            return db.sql("SELECT l.code FROM locations l LEFT JOIN zones z ON z.id = l.zone_id" + where
                            + " ORDER BY l.code COLLATE \"C\" LIMIT :limit")
                    .bind("node", node.id()).bind("limit", MAX_LABELS + 1).bindValues(filters)
                    .map(row -> row.get("code", String.class)).all().collectList();
        }).flatMap(codes -> {
            if (codes.isEmpty()) {
                return Mono.error(ApiProblem.of(ProblemType.NOTHING_TO_PRINT, "No location of " + nodeCode + " matches the filters"));
            }
            if (codes.size() > MAX_LABELS) {
                return Mono.error(ApiProblem.of(ProblemType.TOO_MANY_LABELS, "More than " + MAX_LABELS + " locations match; print a zone or an aisle at a time"));
            }
            return Mono.just(codes);
        });
    }

    /** Inserts the locations, skipping codes the node already has; answers how many were written. */
    Mono<Long> insert(UUID nodeId, List<NewLocation> locations) {
        if (locations.isEmpty()) {
            return Mono.just(0L);
        }
        return db.sql("""
                        INSERT INTO locations (node_id, zone_id, code, type, aisle, bay, level, x_mm, y_mm)
                        SELECT :node, z.id, t.code, t.type, t.aisle, t.bay, t.level, t.x_mm, t.y_mm
                        FROM unnest(CAST(:codes AS text[]), CAST(:zones AS text[]), CAST(:types AS text[]),
                                    CAST(:aisles AS integer[]), CAST(:bays AS integer[]), CAST(:levels AS integer[]),
                                    CAST(:xs AS integer[]), CAST(:ys AS integer[]))
                             AS t(code, zone_code, type, aisle, bay, level, x_mm, y_mm)
                        LEFT JOIN zones z ON z.node_id = :node AND z.code = t.zone_code
                        ON CONFLICT (node_id, code) DO NOTHING
                        """)
                .bind("node", nodeId)
                .bind("codes", locations.stream().map(NewLocation::code).toArray(String[]::new))
                .bind("zones", locations.stream().map(NewLocation::zoneCode).toArray(String[]::new))
                .bind("types", locations.stream().map(NewLocation::type).toArray(String[]::new))
                .bind("aisles", locations.stream().map(NewLocation::aisle).toArray(Integer[]::new))
                .bind("bays", locations.stream().map(NewLocation::bay).toArray(Integer[]::new))
                .bind("levels", locations.stream().map(NewLocation::level).toArray(Integer[]::new))
                .bind("xs", locations.stream().map(NewLocation::xMm).toArray(Integer[]::new))
                .bind("ys", locations.stream().map(NewLocation::yMm).toArray(Integer[]::new))
                .fetch().rowsUpdated();
    }

    /** The node's locations with these codes, in code order. */
    Mono<List<Location>> views(UUID nodeId, List<String> codes) {
        return db.sql(LocationRows.VIEW_SELECT + " WHERE l.node_id = :node AND l.code = ANY(CAST(:codes AS text[])) ORDER BY l.code COLLATE \"C\"")
                .bind("node", nodeId).bind("codes", codes.toArray(String[]::new))
                .map(LocationRows::view).all().collectList()
                .flatMap(this::withPickFaceSkus);
    }

    /** Lists the first few codes, so that a conflict over thousands of rows stays readable. */
    static String named(List<String> codes) {
        String listed = String.join(", ", codes.subList(0, Math.min(CODES_NAMED, codes.size())));
        return codes.size() > CODES_NAMED ? listed + " and " + (codes.size() - CODES_NAMED) + " more" : listed;
    }

    private Mono<Location> view(UUID nodeId, String locationCode) {
        return db.sql(LocationRows.VIEW_SELECT + " WHERE l.node_id = :node AND l.code = :code")
                .bind("node", nodeId).bind("code", locationCode)
                .map(LocationRows::view).one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Location", locationCode)))
                .flatMap(location -> withPickFaceSkus(List.of(location)).map(named -> named.get(0)));
    }

    /** Names the locations' pick faces (merchant and SKU) with one catalog look-up for the whole list. */
    private Mono<List<Location>> withPickFaceSkus(List<Location> locations) {
        List<UUID> variantIds = locations.stream().map(Location::pickFace).filter(Objects::nonNull)
                .map(Location.PickFace::variantId).distinct().toList();
        if (variantIds.isEmpty()) {
            return Mono.just(locations);
        }
        return variants.byIds(variantIds).collectMap(VariantRef::id)
                .map(byId -> locations.stream().map(location -> {
                    VariantRef variant = location.pickFace() == null ? null : byId.get(location.pickFace().variantId());
                    if (variant == null) {
                        return location;
                    }
                    return location.withPickFace(new Location.PickFace(variant.merchantId(), variant.id(), variant.sku()));
                }).toList());
    }

    Mono<Boolean> zoneExists(UUID nodeId, String zoneCode) {
        return existingZones(nodeId, Set.of(zoneCode)).map(zones -> !zones.isEmpty());
    }

    private Mono<Set<String>> existingZones(UUID nodeId, Set<String> zoneCodes) {
        if (zoneCodes.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql("SELECT code FROM zones WHERE node_id = :node AND code = ANY(CAST(:codes AS text[]))")
                .bind("node", nodeId).bind("codes", zoneCodes.toArray(String[]::new))
                .map(row -> row.get("code", String.class)).all().collect(HashSet::new, Set::add);
    }

    private Mono<List<String>> existingCodes(UUID nodeId, List<String> codes) {
        return db.sql("SELECT code FROM locations WHERE node_id = :node AND code = ANY(CAST(:codes AS text[])) ORDER BY code COLLATE \"C\"")
                .bind("node", nodeId).bind("codes", codes.toArray(String[]::new))
                .map(row -> row.get("code", String.class)).all().collectList();
    }

    /**
     * The variant the change dedicates the location to: empty to clear or keep it. A store's pick
     * faces hold only its merchant's variants; in a warehouse the SKU names the merchant unless
     * several merchants use it.
     */
    private Mono<Optional<UUID>> pickFaceVariant(Node node, Location location, LocationChange change) {
        PickFaceAssignment assignment = change.pickFace();
        if (!change.pickFaceGiven() || assignment == null) {
            return Mono.just(Optional.empty());
        }
        if (!LocationType.PICK_FACE.json().equals(location.type())) {
            return Mono.error(ApiProblem.invalid("pick_face", "only pick_face locations are dedicated to a variant; "
                    + location.code() + " is a " + location.type() + " location"));
        }
        UUID merchant = assignment.merchantId() != null ? assignment.merchantId() : node.merchantId();
        if (node.merchantId() != null && !node.merchantId().equals(merchant)) {
            return Mono.error(ApiProblem.invalid("pick_face.merchant_id", "the store " + node.code() + " holds only its own merchant's stock"));
        }
        return variants.bySkuOrGtin(merchant, assignment.sku(), null).take(2)
                .map(VariantRef::id).collectList()
                .flatMap(ids -> switch (ids.size()) {
                    case 0 -> Mono.error(ApiProblem.invalid("pick_face.sku", "no variant has the SKU " + assignment.sku()
                            + (merchant == null ? "" : " for merchant " + merchant)));
                    case 1 -> Mono.just(Optional.of(ids.get(0)));
                    default -> Mono.error(ApiProblem.invalid("pick_face.merchant_id",
                            "several merchants have the SKU " + assignment.sku() + ": name the merchant"));
                });
    }
}
