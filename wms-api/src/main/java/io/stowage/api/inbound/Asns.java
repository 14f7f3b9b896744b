package io.stowage.api.inbound;

import io.stowage.api.Published;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.database.Params;
import io.stowage.api.network.Network;
import io.stowage.api.network.Node;
import io.stowage.api.paging.Page;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Advance shipping notices: a merchant announces what will arrive where and when. Open lines count
 * as incoming stock until they are received or the notice is closed.
 */
@Service
@Published
public class Asns {

    private final DatabaseClient db;
    private final Variants catalog;
    private final Network network;

    public Asns(DatabaseClient db, Variants catalog, Network network) {
        this.db = db;
        this.catalog = catalog;
        this.network = network;
    }

    public record NewAsn(String reference, String nodeCode, String supplier, LocalDate expectedOn, List<NewLine> lines) {
    }

    /** @param ssccs the SSCCs of the cartons and pallets the line arrives in, as scanned or written (checked; may be empty) */
    public record NewLine(String sku, int quantity, String lotNumber, LocalDate expiresOn, List<String> ssccs) {

        public NewLine {
            ssccs = ssccs == null ? List.of() : List.copyOf(ssccs);
        }
    }

    public record Asn(UUID id, String reference, String nodeCode, String supplier, LocalDate expectedOn, String status,
                      OffsetDateTime createdAt, OffsetDateTime closedAt, List<Line> lines) {
    }

    /** @param ssccs the SSCCs (18 digits) of the cartons and pallets the line arrives in, as the notice named them */
    public record Line(int lineNo, String sku, int expectedQuantity, int receivedQuantity, String lotNumber, LocalDate expiresOn,
                       List<String> ssccs) {
    }

    private record Target(UUID nodeId, Map<String, UUID> variantsBySku) {
    }

    /** Creates the notice after checking every line; an unknown SKU or node writes nothing. Runs in the caller's transaction. */
    public Mono<Asn> create(UUID merchantId, NewAsn request) {
        Set<String> skus = new HashSet<>();
        request.lines().forEach(line -> skus.add(line.sku()));
        // A warehouse (no merchant) or one of the merchant's own stores; another merchant's store is as unknown as a missing code.
        Mono<UUID> node = network.node(request.nodeCode())
                .onErrorResume(e -> e instanceof ApiProblem problem && problem.problemType() == ProblemType.NOT_FOUND, e -> Mono.empty())
                .filter(found -> found.merchantId() == null || found.merchantId().equals(merchantId))
                .map(Node::id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.invalid("node_code", "no warehouse or store has the code " + request.nodeCode())));
        Mono<Map<String, UUID>> variants = catalog.bySkus(merchantId, skus).collectMap(VariantRef::sku, VariantRef::id);
        return node.zipWith(variants, Target::new)
                .flatMap(target -> {
                    List<ApiProblem.FieldProblem> unknown = new ArrayList<>();
                    for (int i = 0; i < request.lines().size(); i++) {
                        if (!target.variantsBySku().containsKey(request.lines().get(i).sku())) {
                            unknown.add(new ApiProblem.FieldProblem("lines[" + i + "].sku", "no variant has the SKU " + request.lines().get(i).sku()));
                        }
                    }
                    if (!unknown.isEmpty()) {
                        return Mono.error(ApiProblem.invalid("The notice names SKUs that are not in the catalog", unknown));
                    }
                    return insert(merchantId, request, target, ssccsOf(request.lines()));
                })
                .then(Mono.defer(() -> find(merchantId, request.reference())));
    }

    /** Each line's SSCCs as 18 digits (a label's other forms, such as {@code (00)...}, read the same); a wrong one writes nothing. */
    private static List<Set<String>> ssccsOf(List<NewLine> lines) {
        List<Set<String>> ssccs = new ArrayList<>();
        List<ApiProblem.FieldProblem> wrong = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Set<String> line = new LinkedHashSet<>();
            for (int j = 0; j < lines.get(i).ssccs().size(); j++) {
                String scanned = lines.get(i).ssccs().get(j);
                try {
                    line.add(HandlingUnitCode.sscc("sscc", scanned));
                } catch (ApiProblem problem) {
                    wrong.add(new ApiProblem.FieldProblem("lines[" + i + "].ssccs[" + j + "]",
                            "is not an SSCC (18 digits with their check digit): " + scanned));
                }
            }
            ssccs.add(line);
        }
        if (!wrong.isEmpty()) {
            throw ApiProblem.invalid("The notice names cartons or pallets by numbers that are not SSCCs", wrong);
        }
        return ssccs;
    }

    private Mono<Void> insert(UUID merchantId, NewAsn request, Target target, List<Set<String>> ssccs) {
        return db.sql("""
                        INSERT INTO asns (merchant_id, node_id, reference, supplier, expected_on, status)
                        VALUES (:merchant, :node, :reference, :supplier, :expected, 'open') RETURNING id
                        """)
                .bind("merchant", merchantId).bind("node", target.nodeId()).bind("reference", request.reference())
                .bind("supplier", Params.nullable(request.supplier(), String.class)).bind("expected", request.expectedOn())
                .map(row -> row.get("id", UUID.class)).one()
                .flatMapMany(asnId -> Flux.range(0, request.lines().size()).concatMap(i -> {
                    NewLine line = request.lines().get(i);
                    return db.sql("""
                                    INSERT INTO asn_lines (asn_id, line_no, variant_id, expected_quantity, lot_number, expires_on)
                                    VALUES (:asn, :lineNo, :variant, :qty, :lot, :expires)
                                    """)
                            .bind("asn", asnId).bind("lineNo", i + 1).bind("variant", target.variantsBySku().get(line.sku()))
                            .bind("qty", line.quantity())
                            .bind("lot", Params.nullable(line.lotNumber(), String.class))
                            .bind("expires", Params.nullable(line.expiresOn(), LocalDate.class))
                            .then()
                            .thenMany(Flux.fromIterable(ssccs.get(i)).concatMap(sscc -> db.sql(
                                            "INSERT INTO asn_line_ssccs (asn_id, line_no, sscc) VALUES (:asn, :lineNo, :sscc)")
                                    .bind("asn", asnId).bind("lineNo", i + 1).bind("sscc", sscc).then()))
                            .then();
                }))
                .then();
    }

    public Mono<Asn> find(UUID merchantId, String reference) {
        return list(merchantId, null, reference, null, "", 1).flatMap(page -> page.items().isEmpty()
                ? Mono.error(ApiProblem.notFound("ASN", reference)) : Mono.just(page.items().get(0)));
    }

    /** A merchant's notices (merchantId set) or a node's (nodeId set), ordered by reference. */
    public Mono<Page<Asn>> list(UUID merchantId, UUID nodeId, String reference, String status, String after, int limit) {
        return db.sql("""
                        SELECT a.id, a.reference, a.node_id, a.supplier, a.expected_on, a.status, a.created_at, a.closed_at,
                               l.line_no, l.variant_id, l.expected_quantity, l.received_quantity, l.lot_number, l.expires_on,
                               ARRAY(SELECT s.sscc FROM asn_line_ssccs s WHERE s.asn_id = l.asn_id AND s.line_no = l.line_no ORDER BY s.sscc) AS ssccs
                        FROM (SELECT * FROM asns
                              WHERE (CAST(:merchant AS uuid) IS NULL OR merchant_id = :merchant)
                                AND (CAST(:node AS uuid) IS NULL OR node_id = :node)
                                AND (CAST(:reference AS text) IS NULL OR reference = :reference)
                                AND (CAST(:status AS text) IS NULL OR status = :status)
                                AND reference || '/' || id > :after
                              ORDER BY reference, id LIMIT :limit) a
                        JOIN asn_lines l ON l.asn_id = a.id
                        ORDER BY a.reference, a.id, l.line_no
                        """)
                .bind("merchant", Params.nullable(merchantId, UUID.class))
                .bind("node", Params.nullable(nodeId, UUID.class))
                .bind("reference", Params.nullable(reference, String.class))
                .bind("status", Params.nullable(status, String.class))
                .bind("after", after)
                .bind("limit", limit + 1)
                .fetch().all()
                .collectList()
                .flatMap(rows -> codesOf(rows).map(codes -> {
                    Map<UUID, Asn> byId = new LinkedHashMap<>();
                    for (Map<String, Object> row : rows) {
                        Asn asn = byId.computeIfAbsent((UUID) row.get("id"), id -> new Asn(id, (String) row.get("reference"),
                                codes.nodeCodes().get((UUID) row.get("node_id")), (String) row.get("supplier"), (LocalDate) row.get("expected_on"),
                                (String) row.get("status"), (OffsetDateTime) row.get("created_at"), (OffsetDateTime) row.get("closed_at"),
                                new ArrayList<>()));
                        asn.lines().add(new Line((Integer) row.get("line_no"), codes.skus().get((UUID) row.get("variant_id")),
                                (Integer) row.get("expected_quantity"), (Integer) row.get("received_quantity"),
                                (String) row.get("lot_number"), (LocalDate) row.get("expires_on"), List.of((String[]) row.get("ssccs"))));
                    }
                    return Page.of(new ArrayList<>(byId.values()), limit, asn -> asn.reference() + "/" + asn.id());
                }));
    }

    private record Codes(Map<UUID, String> nodeCodes, Map<UUID, String> skus) {
    }

    /** The node codes and SKUs of a page of rows: one look-up at network and one at the catalog, whatever the page's size. */
    private Mono<Codes> codesOf(List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return Mono.just(new Codes(Map.of(), Map.of()));
        }
        Set<UUID> nodeIds = new HashSet<>();
        Set<UUID> variantIds = new HashSet<>();
        rows.forEach(row -> {
            nodeIds.add((UUID) row.get("node_id"));
            variantIds.add((UUID) row.get("variant_id"));
        });
        return network.nodes(nodeIds).collectMap(Node::id, Node::code)
                .zipWith(catalog.byIds(variantIds).collectMap(VariantRef::id, VariantRef::sku), Codes::new);
    }

    /**
     * The notices the node still expects (not closed) whose lines name this SSCC, each with only the lines
     * the carton or pallet holds: what a receiver who scans it at the dock is about to receive. Empty when
     * no notice names it.
     */
    public Flux<Asn> expectedIn(UUID nodeId, String sscc) {
        return db.sql("""
                        SELECT DISTINCT a.id, a.reference FROM asn_line_ssccs s JOIN asns a ON a.id = s.asn_id
                        WHERE s.sscc = :sscc AND a.node_id = :node AND a.status <> 'closed'
                        ORDER BY a.reference, a.id
                        """)
                .bind("sscc", sscc).bind("node", nodeId)
                .map(row -> new Object[] {row.get("id", UUID.class), row.get("reference", String.class)})
                .all()
                .concatMap(found -> list(null, nodeId, (String) found[1], null, "", 50)
                        .flatMapIterable(Page::items)
                        .filter(asn -> asn.id().equals(found[0]))
                        .map(asn -> new Asn(asn.id(), asn.reference(), asn.nodeCode(), asn.supplier(), asn.expectedOn(), asn.status(),
                                asn.createdAt(), asn.closedAt(), asn.lines().stream().filter(line -> line.ssccs().contains(sscc)).toList())));
    }

    /** Closing stops the remaining lines from counting as incoming. */
    public Mono<Asn> close(UUID merchantId, String reference) {
        return db.sql("UPDATE asns SET status = 'closed', closed_at = now() WHERE merchant_id = :merchant AND reference = :reference AND status <> 'closed'")
                .bind("merchant", merchantId).bind("reference", reference)
                .fetch().rowsUpdated()
                .then(find(merchantId, reference));
    }
}
