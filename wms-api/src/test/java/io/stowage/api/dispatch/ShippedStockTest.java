package io.stowage.api.dispatch;

import static io.stowage.api.dispatch.DockFloor.maps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.stowage.api.catalog.Variants;
import io.stowage.api.inventory.Movement;
import io.stowage.api.inventory.MovementKind;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.inventory.StockStatus;
import io.stowage.api.network.Network;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * What leaves on a trailer leaves the books: closing the load takes each carton's units off the pack
 * station (a {@code shipment} movement) and ends their reservation and allocation, once, however the
 * close is repeated; availability does not change, and the ledger still equals the balances.
 */
class ShippedStockTest extends ApiTest {

    private static final String CARRIER_SERVICE = "dpd-baltics/classic";

    @Autowired
    StockLedger ledger;
    @Autowired
    TransactionalOperator tx;
    @Autowired
    Network network;
    @Autowired
    Variants variants;
    @Autowired
    DatabaseClient db;
    @Autowired
    ClosedLoadUnits repair;

    @Test
    void closingTheLoadTakesTheCartonsUnitsOffThePackStationOnceAndAvailabilityStays() {
        DockFloor floor = DockFloor.create(this, 5);
        List<String> orders = floor.orders(CARRIER_SERVICE, CARRIER_SERVICE);
        floor.waveAndPick();
        List<Map<?, ?>> shipments = orders.stream().map(floor::packAndLabel).toList();
        assertThat(onHandAt(floor, "PACK-1")).isEqualTo(2);
        Map<String, Object> before = availability(floor);
        assertThat(before).containsEntry("on_hand", 5).containsEntry("reserved", 2).containsEntry("available", 3);

        WebTestClient dock = floor.supervisor();
        String loadId = openLoad(dock, (String) shipments.get(0).get("carrier"));
        for (Map<?, ?> shipment : shipments) {
            dock.post().uri("/api/v1/loads/{id}/cartons", loadId).header("Idempotency-Key", "scan-" + shipment.get("id"))
                    .bodyValue(Map.of("sscc", shipment.get("sscc"))).exchange().expectStatus().isCreated();
        }
        Map<?, ?> closed = close(dock, loadId, "close-once").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(onHandAt(floor, "PACK-1")).as("nothing shipped stays at the pack station").isZero();
        assertThat(onHandAt(floor, "A-01-01-A")).isEqualTo(3);
        assertThat(availability(floor)).containsEntry("on_hand", 3).containsEntry("reserved", 0).containsEntry("available", 3);
        List<Map<?, ?>> shipped = shipmentMovements(floor);
        assertThat(shipped).hasSize(2).allSatisfy(movement -> {
            assertThat(movement.get("quantity")).isEqualTo(1);
            assertThat(movement.get("from_location_code")).isEqualTo("PACK-1");
            assertThat(movement.get("to_location_code")).isNull();
            assertThat(movement.get("reference_type")).isEqualTo("shipment");
            assertThat((String) movement.get("reason")).contains((String) closed.get("manifest_number"));
        });
        assertThat(shipped).extracting(movement -> (String) movement.get("reference_id"))
                .containsExactlyInAnyOrder((String) shipments.get(0).get("id"), (String) shipments.get(1).get("id"));
        for (String orderId : orders) {
            Map<String, Object> line = line(floor, orderId);
            assertThat(line).containsEntry("quantity", 1).containsEntry("shipped", 1).containsEntry("allocated", 0);
            assertThat(floor.orderStatus(orderId)).isEqualTo("shipped");
        }

        // The same close replayed answers as before; another close of the closed load is refused; nothing leaves twice
        close(dock, loadId, "close-once").expectStatus().isOk().expectBody().jsonPath("$.manifest_number").isEqualTo(closed.get("manifest_number"));
        close(dock, loadId, "close-again").expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/load-closed");
        assertThat(shipmentMovements(floor)).hasSize(2);
        assertThat(availability(floor)).containsEntry("on_hand", 3).containsEntry("reserved", 0);
        assertBooksAgree(floor.world.merchantId);
    }

    @Test
    void anOrderInTwoCartonsOnTwoLoadsShipsUnitByUnitAndCannotBeCancelledOnceACartonLeft() {
        DockFloor floor = DockFloor.create(this, 4);
        Map<?, ?> order = floor.world.merchant(this).post().uri("/api/v1/orders").header("Idempotency-Key", "two-cartons")
                .bodyValue(Map.of("customer", Map.of("name", "Ona", "address", Map.of("line", "Gedimino pr. 1", "city", "Vilnius",
                                "postal_code", "01103", "country", "LT")),
                        "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 2)), "service_level", "standard", "carrier_service", CARRIER_SERVICE))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String orderId = (String) order.get("id");
        floor.waveAndPick();
        WebTestClient packer = floor.packer();
        String sessionId = (String) packer.post().uri("/api/v1/pack-sessions").bodyValue(Map.of("station_code", "PACK-1", "order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String first = packOne(floor, sessionId, orderId);
        String second = packOne(floor, sessionId, orderId);
        assertThat(floor.orderStatus(orderId)).isEqualTo("packed");
        Map<?, ?> firstShipment = labelled(floor, first);
        Map<?, ?> secondShipment = labelled(floor, second);

        WebTestClient dock = floor.supervisor();
        String firstLoad = openLoad(dock, (String) firstShipment.get("carrier"));
        dock.post().uri("/api/v1/loads/{id}/cartons", firstLoad).header("Idempotency-Key", "scan-first")
                .bodyValue(Map.of("sscc", firstShipment.get("sscc"))).exchange().expectStatus().isCreated();
        close(dock, firstLoad, "close-first").expectStatus().isOk();

        assertThat(floor.orderStatus(orderId)).as("one carton is still to leave").isEqualTo("packed");
        assertThat(onHandAt(floor, "PACK-1")).isEqualTo(1);
        assertThat(availability(floor)).containsEntry("on_hand", 3).containsEntry("reserved", 1).containsEntry("available", 2);
        assertThat(line(floor, orderId)).containsEntry("shipped", 1).containsEntry("allocated", 1);
        floor.world.merchant(this).post().uri("/api/v1/orders/{id}/cancel", orderId).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://stowage.io/problems/order-not-cancellable");
        assertBooksAgree(floor.world.merchantId);

        // The ledger itself refuses a second shipment movement of a shipment's units, even when the units are there to take
        UUID merchantId = UUID.fromString(floor.world.merchantId);
        UUID nodeId = network.node(floor.world.node).block().id();
        UUID packStation = network.location(nodeId, "PACK-1").block().id();
        UUID navy = variants.bySku(merchantId, "TEE-M-NAVY").block().id();
        assertThatThrownBy(() -> ledger.ship(new Movement(merchantId, nodeId, navy, null, MovementKind.SHIPMENT, 1, packStation, StockStatus.AVAILABLE,
                        null, null, "again", "shipment", (String) firstShipment.get("id"), "test", null))
                .as(tx::transactional).block(Duration.ofSeconds(30)))
                .hasMessageContaining("shipped already");
        assertThat(onHandAt(floor, "PACK-1")).isEqualTo(1);

        String secondLoad = openLoad(dock, (String) secondShipment.get("carrier"));
        dock.post().uri("/api/v1/loads/{id}/cartons", secondLoad).header("Idempotency-Key", "scan-second")
                .bodyValue(Map.of("sscc", secondShipment.get("sscc"))).exchange().expectStatus().isCreated();
        close(dock, secondLoad, "close-second").expectStatus().isOk();
        assertThat(floor.orderStatus(orderId)).isEqualTo("shipped");
        assertThat(onHandAt(floor, "PACK-1")).isZero();
        assertThat(availability(floor)).containsEntry("on_hand", 2).containsEntry("reserved", 0).containsEntry("available", 2);
        assertThat(line(floor, orderId)).containsEntry("shipped", 2).containsEntry("allocated", 0);
        assertBooksAgree(floor.world.merchantId);
    }

    @Test
    void theUnitsOfALoadClosedBeforeTheyLeftTheBooksLeaveOnceThroughTheRepair() {
        DockFloor floor = DockFloor.create(this, 4);
        List<String> orders = floor.orders(CARRIER_SERVICE, CARRIER_SERVICE);
        floor.waveAndPick();
        List<Map<?, ?>> shipments = orders.stream().map(floor::packAndLabel).toList();
        WebTestClient dock = floor.supervisor();
        String carrier = (String) shipments.get(0).get("carrier");
        String today = openLoad(dock, carrier);
        dock.post().uri("/api/v1/loads/{id}/cartons", today).header("Idempotency-Key", "scan-" + shipments.get(0).get("id"))
                .bodyValue(Map.of("sscc", shipments.get(0).get("sscc"))).exchange().expectStatus().isCreated();
        close(dock, today, "close-" + today).expectStatus().isOk();
        String before = openLoad(dock, carrier);
        dock.post().uri("/api/v1/loads/{id}/cartons", before).header("Idempotency-Key", "scan-" + shipments.get(1).get("id"))
                .bodyValue(Map.of("sscc", shipments.get(1).get("sscc"))).exchange().expectStatus().isCreated();
        // The second load closed as before V138: the load closed, its shipment and order shipped, the units left on the books.
        // V149 marks every load closed until then, this one and the one closed today.
        sql("UPDATE loads SET status = 'closed', manifest_number = 'BEFORE-V138-' || position, closed_by = 'test', closed_at = clock_timestamp() "
                + "WHERE id = '" + before + "'");
        sql("UPDATE shipments SET status = 'shipped', shipped_at = clock_timestamp() WHERE id = '" + shipments.get(1).get("id") + "'");
        sql("UPDATE orders SET status = 'shipped' WHERE id = '" + orders.get(1) + "'");
        sql("UPDATE loads SET units_pending = true WHERE id IN ('" + today + "', '" + before + "')");
        assertThat(onHandAt(floor, "PACK-1")).isEqualTo(1);
        assertThat(availability(floor)).containsEntry("on_hand", 3).containsEntry("reserved", 1).containsEntry("available", 2);
        assertThat(line(floor, orders.get(1))).containsEntry("shipped", 0).containsEntry("allocated", 1);
        assertThat(shipmentMovements(floor)).hasSize(1);

        repairUntilDone(today, before);

        assertThat(onHandAt(floor, "PACK-1")).as("nothing shipped stays at the pack station").isZero();
        assertThat(availability(floor)).containsEntry("on_hand", 2).containsEntry("reserved", 0).containsEntry("available", 2);
        assertThat(line(floor, orders.get(1))).containsEntry("shipped", 1).containsEntry("allocated", 0);
        assertThat(shipmentMovements(floor)).as("each shipment's units left once").extracting(movement -> (String) movement.get("reference_id"))
                .containsExactlyInAnyOrder((String) shipments.get(0).get("id"), (String) shipments.get(1).get("id"));
        assertThat(shipmentMovements(floor)).filteredOn(movement -> shipments.get(1).get("id").equals(movement.get("reference_id")))
                .singleElement().satisfies(movement -> {
                    assertThat(movement.get("actor")).isEqualTo(ClosedLoadUnits.ACTOR);
                    assertThat(movement.get("from_location_code")).isEqualTo("PACK-1");
                });
        assertThat(floor.orderStatus(orders.get(1))).isEqualTo("shipped");
        assertBooksAgree(floor.world.merchantId);

        // Marked again (a repair run twice), nothing leaves twice
        sql("UPDATE loads SET units_pending = true WHERE id IN ('" + today + "', '" + before + "')");
        repairUntilDone(today, before);
        assertThat(shipmentMovements(floor)).hasSize(2);
        assertThat(availability(floor)).containsEntry("on_hand", 2).containsEntry("reserved", 0);
        assertThat(db.sql("SELECT count(*) AS problems FROM loads WHERE id IN ('" + today + "', '" + before + "') AND units_problem IS NOT NULL")
                .map(row -> row.get("problems", Long.class)).one().block()).isZero();
        assertBooksAgree(floor.world.merchantId);
    }

    /** Runs repair passes (the background loop may run them too) until neither load is marked. */
    private void repairUntilDone(String... loadIds) {
        Eventually.until(() -> {
            repair.pass().block(Duration.ofSeconds(30));
            return db.sql("SELECT count(*) AS pending FROM loads WHERE units_pending AND id = ANY(:ids)")
                    .bind("ids", java.util.Arrays.stream(loadIds).map(UUID::fromString).toArray(UUID[]::new))
                    .map(row -> row.get("pending", Long.class)).one().block();
        }, pending -> pending == 0);
    }

    private void sql(String statement) {
        db.sql(statement).then().block(Duration.ofSeconds(30));
    }

    private static String packOne(DockFloor floor, String sessionId, String orderId) {
        WebTestClient packer = floor.packer();
        String cartonId = (String) packer.post().uri("/api/v1/pack-sessions/{id}/cartons", sessionId).bodyValue(Map.of("order_id", orderId))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        packer.post().uri("/api/v1/cartons/{id}/units", cartonId).header("Idempotency-Key", "pack-" + cartonId)
                .bodyValue(Map.of("sku", "TEE-M-NAVY")).exchange().expectStatus().isOk();
        packer.post().uri("/api/v1/cartons/{id}/close", cartonId)
                .bodyValue(Map.of("length_mm", 310, "width_mm", 260, "height_mm", 30, "weight_grams", 180))
                .exchange().expectStatus().isOk();
        return cartonId;
    }

    private static Map<?, ?> labelled(DockFloor floor, String cartonId) {
        Map<?, ?> shipment = Eventually.until(() -> floor.packer().get().uri("/api/v1/cartons/{id}/shipment", cartonId).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody(), read -> !"label_pending".equals(read.get("status")));
        assertThat(shipment.get("status")).as("label failure %s", shipment.get("failure_reason")).isEqualTo("labelled");
        return shipment;
    }

    private static String openLoad(WebTestClient dock, String carrier) {
        return (String) dock.post().uri("/api/v1/loads").bodyValue(Map.of("carrier", carrier, "dock_code", "DOCK-1"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private static WebTestClient.ResponseSpec close(WebTestClient dock, String loadId, String key) {
        return dock.post().uri("/api/v1/loads/{id}/close", loadId).header("Idempotency-Key", key).exchange();
    }

    private int onHandAt(DockFloor floor, String locationCode) {
        List<Map<?, ?>> balances = maps(floor.world.merchant(this).get().uri("/api/v1/stock/balances?sku=TEE-M-NAVY").exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody());
        return balances.stream().filter(balance -> locationCode.equals(balance.get("location_code")) && "available".equals(balance.get("status")))
                .mapToInt(balance -> (Integer) balance.get("on_hand")).sum();
    }

    private Map<String, Object> availability(DockFloor floor) {
        return json(maps(floor.world.merchant(this).get().uri("/api/v1/availability?sku=TEE-M-NAVY").exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody()).get(0));
    }

    private List<Map<?, ?>> shipmentMovements(DockFloor floor) {
        Map<?, ?> page = floor.world.merchant(this).get().uri("/api/v1/stock/movements?sku=TEE-M-NAVY&limit=200").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return maps(page.get("items")).stream().filter(movement -> "shipment".equals(movement.get("kind"))).toList();
    }

    private Map<String, Object> line(DockFloor floor, String orderId) {
        Map<?, ?> order = floor.world.merchant(this).get().uri("/api/v1/orders/{id}", orderId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return json(maps(order.get("lines")).get(0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Map<?, ?> object) {
        return (Map<String, Object>) object;
    }
}
