package io.stowage.api.slips;

import io.stowage.api.catalog.VariantDescriptions;
import io.stowage.api.database.Params;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.orders.OrderCustomers;
import io.stowage.api.packing.CartonClosed;
import io.stowage.api.packing.CartonClosedHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * In the transaction that closes a carton: writes what the carton's packing slip says (the order's
 * customer and language as they are now, the lines with their names, size and colour, the packer),
 * and puts in the inserts the merchant's rules choose, each taken from the node's stock through
 * the ledger. An insert the node cannot spare is recorded as {@code out_of_stock} and the close goes
 * on: a missing leaflet or gift must not hold a customer's parcel at the pack station.
 * <p>
 * A rule for once per order is claimed by a row before its stock is taken; a unique index on the
 * taken rows of (rule, order) makes a second carton of the order, closing at the same time on
 * another instance, wait for the first and then find the claim taken.
 */
@Component
class CartonSlips implements CartonClosedHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CartonSlips.class);
    static final String ACTOR = "system:packing-inserts";

    private final DatabaseClient db;
    private final OrderCustomers customers;
    private final VariantDescriptions descriptions;
    private final InsertRules rules;
    private final StockLedger ledger;
    private final JsonMapper json;

    CartonSlips(DatabaseClient db, OrderCustomers customers, VariantDescriptions descriptions, InsertRules rules, StockLedger ledger,
                JsonMapper json) {
        this.db = db;
        this.customers = customers;
        this.descriptions = descriptions;
        this.rules = rules;
        this.ledger = ledger;
        this.json = json;
    }

    @Override
    public Mono<Void> onCartonClosed(CartonClosed carton) {
        return Mono.zip(customers.of(carton.merchantId(), carton.orderId()), rules.active(carton.merchantId()))
                .flatMap(found -> {
                    OrderCustomers.OrderCustomer customer = found.getT1();
                    List<InsertRules.Stored> applying = found.getT2().stream()
                            .filter(stored -> stored.rule().appliesTo(customer.channel(), customer.orderOrdinal()))
                            .toList();
                    Set<UUID> variantIds = new LinkedHashSet<>();
                    carton.lines().forEach(line -> variantIds.add(line.variantId()));
                    applying.forEach(stored -> variantIds.add(stored.variantId()));
                    return descriptions.of(variantIds).collectMap(VariantDescriptions.Description::id, Function.identity())
                            .flatMap(described -> writeSlip(carton, customer, described)
                                    .flatMap(written -> written
                                            ? Flux.fromIterable(applying).concatMap(stored -> insert(carton, stored, described.get(stored.variantId()))).then()
                                            : Mono.empty()));
                });
    }

    /** The slip's row; false when the carton already has one (its inserts were handled then). */
    private Mono<Boolean> writeSlip(CartonClosed carton, OrderCustomers.OrderCustomer customer,
                                    Map<UUID, VariantDescriptions.Description> described) {
        SlipLanguage language = SlipLanguage.forCustomer(customer.language(), customer.country());
        return db.sql("""
                        INSERT INTO packing_slips (carton_id, merchant_id, node_id, order_id, order_number, carton_number, customer_name, country,
                                                   language, gift_message, packer_name, lines)
                        VALUES (:carton, :merchant, :node, :order, :number, :cartonNumber, :customer, :country, :language, :gift, :packer,
                                CAST(:lines AS jsonb))
                        ON CONFLICT (carton_id) DO NOTHING
                        """)
                .bind("carton", carton.cartonId()).bind("merchant", carton.merchantId()).bind("node", carton.nodeId())
                .bind("order", carton.orderId()).bind("number", carton.orderNumber()).bind("cartonNumber", carton.cartonNumber())
                .bind("customer", customer.name()).bind("country", customer.country()).bind("language", language.code())
                .bind("gift", Params.nullable(customer.giftMessage(), String.class))
                .bind("packer", carton.packerName() == null ? "" : carton.packerName())
                .bind("lines", json.writeValueAsString(lines(carton, described)))
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1);
    }

    /** The carton's units per order line (a line packed from two lots is one line on the slip), in line order. */
    static List<PackingSlip.Line> lines(CartonClosed carton, Map<UUID, VariantDescriptions.Description> described) {
        Map<Integer, PackingSlip.Line> byLine = new LinkedHashMap<>();
        carton.lines().stream().sorted((a, b) -> Integer.compare(a.lineNo(), b.lineNo())).forEach(line -> {
            VariantDescriptions.Description description = described.get(line.variantId());
            Map<String, String> attributes = description == null ? Map.of() : description.attributes();
            String colour = attributes.containsKey("colour") ? attributes.get("colour") : attributes.get("color");
            byLine.merge(line.lineNo(),
                    new PackingSlip.Line(line.lineNo(), line.sku(), description == null ? line.sku() : description.name(), attributes.get("size"),
                            colour, line.quantity()),
                    (first, more) -> new PackingSlip.Line(first.lineNo(), first.sku(), first.name(), first.size(), first.colour(),
                            first.quantity() + more.quantity()));
        });
        return new ArrayList<>(byLine.values());
    }

    /** Claims the rule's insert for this carton (and order, once per order), then takes it from stock or marks it out of stock. */
    private Mono<Void> insert(CartonClosed carton, InsertRules.Stored stored, VariantDescriptions.Description description) {
        InsertRule rule = stored.rule();
        return db.sql("""
                        INSERT INTO carton_inserts (merchant_id, carton_id, order_id, rule_id, kind, once_per, variant_id, sku, name, quantity, status)
                        VALUES (:merchant, :carton, :order, :rule, :kind, :oncePer, :variant, :sku, :name, :quantity, 'taken')
                        ON CONFLICT DO NOTHING
                        RETURNING id
                        """)
                .bind("merchant", carton.merchantId()).bind("carton", carton.cartonId()).bind("order", carton.orderId())
                .bind("rule", rule.id()).bind("kind", rule.kind().db()).bind("oncePer", rule.oncePer().db())
                .bind("variant", stored.variantId()).bind("sku", rule.sku())
                .bind("name", description == null ? rule.sku() : description.name()).bind("quantity", rule.quantity())
                .map(row -> row.get("id", Long.class))
                .one()
                .flatMap(claim -> ledger.takeSpare(new StockLedger.SpareTake(carton.merchantId(), carton.nodeId(), stored.variantId(), rule.quantity(),
                                MovementKind.PACKING_INSERT, "insert rule " + rule.id() + " (" + rule.kind().db() + ")", "carton",
                                carton.cartonId().toString(), ACTOR, null))
                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                        .flatMap(movement -> {
                            if (movement.isPresent()) {
                                return db.sql("UPDATE carton_inserts SET movement_id = :movement WHERE id = :id")
                                        .bind("movement", movement.get()).bind("id", claim).then();
                            }
                            LOG.warn("Insert {} x {} of rule {} is out of stock at node {}; carton {} closes without it",
                                    rule.quantity(), rule.sku(), rule.id(), carton.nodeId(), carton.cartonId());
                            return db.sql("UPDATE carton_inserts SET status = 'out_of_stock' WHERE id = :id").bind("id", claim).then();
                        }));
    }
}
