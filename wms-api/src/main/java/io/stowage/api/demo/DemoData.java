package io.stowage.api.demo;

import io.stowage.api.Published;
import io.stowage.api.access.ApiKeys;
import io.stowage.api.access.Caller;
import io.stowage.api.access.WorkerRole;
import io.stowage.api.access.Workers;
import io.stowage.api.boxes.BoxTypeInput;
import io.stowage.api.boxes.BoxTypes;
import io.stowage.api.boxes.StockAdjustment;
import io.stowage.api.catalog.CatalogService;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.inbound.Asns;
import io.stowage.api.inventory.Movement;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.inventory.StockRefs;
import io.stowage.api.inventory.StockStatus;
import io.stowage.api.merchants.Merchants;
import io.stowage.api.network.Locations;
import io.stowage.api.network.Network;
import io.stowage.api.network.NewLocation;
import io.stowage.api.network.Node;
import io.stowage.api.network.Nodes;
import io.stowage.api.network.RackLayout;
import io.stowage.api.network.RackLayouts;
import io.stowage.api.network.Zones;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo network: warehouses in Vilnius, Riga and Lviv, the merchant's store in Ljubljana, the
 * merchant "Amber & Linen" with a catalog in sizes and colours, workers, stock and an open ASN.
 * It is loaded through the same services the API uses, once, into an empty database.
 */
@Component
@Published
public class DemoData {

    /** Serialises demo loading between instances started together against one database. */
    private static final long LOCK_KEY = 0x5707A6EL;
    private static final Caller ADMIN = new Caller.Admin();

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final JsonMapper json;
    private final Merchants merchants;
    private final ApiKeys apiKeys;
    private final CatalogService catalog;
    private final Nodes nodes;
    private final Zones zones;
    private final Locations locations;
    private final RackLayouts rackLayouts;
    private final Network network;
    private final Workers workers;
    private final StockLedger ledger;
    private final Asns asns;
    private final Variants variants;
    private final StockRefs refs;
    private final BoxTypes boxTypes;

    public DemoData(DatabaseClient db, TransactionalOperator tx, JsonMapper json, Merchants merchants, ApiKeys apiKeys,
                    CatalogService catalog, Nodes nodes, Zones zones, Locations locations, RackLayouts rackLayouts, Network network,
                    Workers workers, StockLedger ledger, Asns asns, Variants variants, StockRefs refs, BoxTypes boxTypes) {
        this.db = db;
        this.tx = tx;
        this.json = json;
        this.merchants = merchants;
        this.apiKeys = apiKeys;
        this.catalog = catalog;
        this.nodes = nodes;
        this.zones = zones;
        this.locations = locations;
        this.rackLayouts = rackLayouts;
        this.network = network;
        this.workers = workers;
        this.ledger = ledger;
        this.asns = asns;
        this.variants = variants;
        this.refs = refs;
        this.boxTypes = boxTypes;
    }

    public record Loaded(UUID merchantId, int variants) {
    }

    /** Loads the demo when no merchant exists yet; empty when there was nothing to do. */
    public Mono<Loaded> loadIfEmpty() {
        DemoNetwork demo = read("demo/network.json", DemoNetwork.class);
        String catalogCsv = read("demo/catalog.csv");
        return db.sql("SELECT pg_advisory_xact_lock(:key)").bind("key", LOCK_KEY).then()
                .then(merchants.anyExists())
                .filter(any -> !any)
                .flatMap(empty -> load(demo, catalogCsv))
                .as(tx::transactional);
    }

    private Mono<Loaded> load(DemoNetwork demo, String catalogCsv) {
        DemoNetwork.DemoMerchant m = demo.merchant();
        return merchants.create(new Merchants.NewMerchant(m.name(), m.gs1CompanyPrefix(), m.shipFromStore(), null, m.brandColour()))
                .flatMap(created -> {
                    UUID merchantId = created.merchant().id();
                    return apiKeys.register(merchantId, "demo", m.apiKey())
                            .then(catalog.importCsv(merchantId, catalogCsv))
                            .flatMap(summary -> Flux.fromIterable(demo.nodes()).concatMap(node -> createNode(node, merchantId)).then()
                                    .then(Flux.fromIterable(demo.workers()).concatMap(this::createWorker).then())
                                    .then(Flux.fromIterable(demo.pickFaces()).concatMap(face -> assignPickFace(face, merchantId)).then())
                                    .then(Flux.fromIterable(demo.stock()).concatMap(stock -> receive(stock, merchantId)).then())
                                    .then(Flux.fromIterable(demo.asns()).concatMap(asn -> announce(asn, merchantId)).then())
                                    .then(Flux.fromIterable(demoBoxTypes()).concatMap(box -> createBoxType(box, merchantId)).then())
                                    .thenReturn(new Loaded(merchantId, summary.variantsCreated())));
                });
    }

    private Mono<Void> createNode(DemoNetwork.DemoNode node, UUID merchantId) {
        DemoNetwork.Address a = node.address();
        return nodes.create(ADMIN, new Nodes.NewNode(node.code(), node.kind(), node.name(), Boolean.TRUE.equals(node.merchant()) ? merchantId : null,
                        new Node.Address(a.line(), a.city(), a.postalCode(), a.country()), node.latitude(), node.longitude(), node.timeZone()))
                .thenMany(Flux.fromIterable(node.zones()).concatMap(zone -> zones.create(ADMIN, node.code(), zone.code(), zone.name())))
                .then(locations.createAll(ADMIN, node.code(), node.locations().stream()
                        .map(l -> new NewLocation(l.code(), l.zoneCode(), l.type(), null, null, null, l.xMm(), l.yMm())).toList()))
                .thenMany(Flux.fromIterable(node.rackLayouts()).concatMap(r -> rackLayouts.create(ADMIN, node.code(), new RackLayout(
                        r.zoneCode(), r.type(), r.aisles().from(), r.aisles().to(), r.bays().from(), r.bays().to(), r.levels(),
                        r.aislePitchMm(), r.bayWidthMm(), r.origin().xMm(), r.origin().yMm(), r.bothSides()))))
                .then();
    }

    private Mono<Void> createWorker(DemoNetwork.DemoWorker worker) {
        return workers.create(new Workers.NewWorker(worker.badgeCode(), worker.name(), worker.pin(), worker.nodeCode(),
                        worker.roles().stream().map(role -> WorkerRole.valueOf(role.toUpperCase(Locale.ROOT))).collect(Collectors.toSet())))
                .then();
    }

    private Mono<Void> assignPickFace(DemoNetwork.DemoPickFace face, UUID merchantId) {
        return locations.update(ADMIN, face.nodeCode(), face.locationCode(),
                new Locations.LocationChange(true, new Locations.PickFaceAssignment(merchantId, face.sku()), 5, null)).then();
    }

    private Mono<Void> receive(DemoNetwork.DemoStock stock, UUID merchantId) {
        Mono<VariantRef> variant = variants.bySku(merchantId, stock.sku());
        Mono<UUID> lot = stock.lotNumber() == null ? Mono.just(StockLedger.NO_LOT)
                : variant.flatMap(found -> refs.lot(found, stock.lotNumber(), stock.expiresOn(), true));
        return network.node(stock.nodeCode())
                .flatMap(node -> network.location(node.id(), stock.locationCode())
                        .zipWith(variant.map(VariantRef::id))
                        .zipWith(lot)
                        .flatMap(found -> ledger.post(new Movement(merchantId, node.id(), found.getT1().getT2(),
                                StockLedger.NO_LOT.equals(found.getT2()) ? null : found.getT2(), MovementKind.RECEIPT, stock.quantity(),
                                null, null, found.getT1().getT1().id(), StockStatus.AVAILABLE, "opening stock", "demo", null, "demo", null))))
                .then();
    }

    private Mono<Void> announce(DemoNetwork.DemoAsn asn, UUID merchantId) {
        return asns.create(merchantId, new Asns.NewAsn(asn.reference(), asn.nodeCode(), asn.supplier(),
                LocalDate.now(ZoneOffset.UTC).plusDays(asn.expectedInDays()),
                asn.lines().stream().map(line -> new Asns.NewLine(line.sku(), line.quantity(), null, null, List.of())).toList())).then();
    }

    /** A box type of the demo ({@code demo/box-types.json}): the 3PL's ({@code shared}) or the merchant's, with its stock per node. */
    record DemoBoxType(String code, boolean shared, BoxTypeInput box, List<DemoBoxStock> stock) {
    }

    record DemoBoxStock(String nodeCode, int quantity) {
    }

    private List<DemoBoxType> demoBoxTypes() {
        return List.of(read("demo/box-types.json", DemoBoxType[].class));
    }

    private Mono<Void> createBoxType(DemoBoxType box, UUID merchantId) {
        UUID owner = box.shared() ? null : merchantId;
        return boxTypes.save(owner, box.code(), box.box())
                .thenMany(Flux.fromIterable(box.stock()).concatMap(stock -> boxTypes.adjustStock(owner, box.code(),
                        new StockAdjustment(stock.nodeCode(), "received", stock.quantity()), "demo")))
                .then();
    }

    /** What the start-up banner says about the demo, whether it was loaded now or at an earlier start. */
    public String describe(boolean loadedNow) {
        DemoNetwork demo = read("demo/network.json", DemoNetwork.class);
        StringBuilder text = new StringBuilder();
        text.append(loadedNow ? "  Demo          loaded now: " : "  Demo          already in the database: ")
                .append(demo.nodes().stream().map(n -> n.code() + " (" + n.address().city() + ")").collect(Collectors.joining(", ")))
                .append('\n');
        text.append("  Merchant key  ").append(demo.merchant().apiKey()).append("   (").append(demo.merchant().name()).append(")\n");
        text.append("  Workers       ").append(demo.workers().stream().map(w -> w.badgeCode() + "@" + w.nodeCode())
                .collect(Collectors.joining(", "))).append(", PIN ").append(demo.workers().get(0).pin()).append('\n');
        return text.toString();
    }

    private <T> T read(String path, Class<T> type) {
        return json.readValue(read(path), type);
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo resource " + path + " is missing", e);
        }
    }
}
