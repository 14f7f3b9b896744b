package io.stowage.api.slips;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.inventory.StockLedger;
import io.stowage.api.packing.CartonClosed;
import io.stowage.api.support.ApiTest;
import io.stowage.api.support.World;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The slips' carton-close handler as packing calls it, in a transaction of its own per carton: which
 * order of a customer gets an order-count insert, and a once-per-order insert taken once when two
 * cartons of the order close at the same moment.
 */
@SuppressWarnings("unchecked")
class CartonSlipsTest extends ApiTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };

    @Autowired
    CartonSlips handler;
    @Autowired
    TransactionalOperator tx;
    @Autowired
    Variants variants;

    @Test
    void theNthOrderGiftFollowsTheCustomersEmailAndSkipsCancelledOrders() {
        World world = World.create(this);
        WebTestClient merchant = world.merchant(this);
        receive(world, "TEE-S-SAND", 5);
        receive(world, "TEE-M-NAVY", 10);
        rule(merchant, Map.of("kind", "nth_order", "sku", "TEE-S-SAND", "nth_order", 3));
        rule(merchant, Map.of("kind", "first_order", "sku", "TEE-S-SAND", "channel", "instagram"));
        String email = "ona." + UUID.randomUUID() + "@example.com";

        String first = order(merchant, email, "web");
        String cancelled = order(merchant, email.toUpperCase(), "web");
        merchant.post().uri("/api/v1/orders/{id}/cancel", cancelled).exchange().expectStatus().isOk();
        String second = order(merchant, email, "web");
        String someoneElse = order(merchant, "other." + UUID.randomUUID() + "@example.com", "web");
        String anonymous = order(merchant, null, "web");
        String third = order(merchant, email.toUpperCase(), "web");
        String firstOnInstagram = order(merchant, "insta." + UUID.randomUUID() + "@example.com", "instagram");

        assertThat(close(world, first)).isEmpty();
        assertThat(close(world, second)).isEmpty();
        assertThat(close(world, someoneElse)).isEmpty();
        assertThat(close(world, anonymous)).as("a customer without an e-mail address is not counted").isEmpty();
        assertThat(close(world, third)).as("the third order not cancelled, by e-mail in any case")
                .extracting(insert -> insert.get("kind") + "/" + insert.get("sku") + "/" + insert.get("status"))
                .containsExactly("nth_order/TEE-S-SAND/taken");
        assertThat(close(world, firstOnInstagram)).extracting(insert -> insert.get("kind")).containsExactly("first_order");
        assertBooksAgree(world.merchantId);
    }

    @Test
    void twoCartonsOfAnOrderClosingAtOnceTakeAOncePerOrderInsertOnce() {
        World world = World.create(this);
        WebTestClient merchant = world.merchant(this);
        receive(world, "TEE-S-SAND", 5);
        receive(world, "TEE-M-NAVY", 10);
        rule(merchant, Map.of("kind", "first_order", "sku", "TEE-S-SAND"));
        String orderId = order(merchant, "twins." + UUID.randomUUID() + "@example.com", "web");
        UUID nodeId = nodeId(world);
        VariantRef navy = variants.bySku(UUID.fromString(world.merchantId), "TEE-M-NAVY").block();
        CartonClosed one = carton(world, nodeId, orderId, 1, navy);
        CartonClosed two = carton(world, nodeId, orderId, 2, navy);

        Mono.when(handler.onCartonClosed(one).as(tx::transactional).subscribeOn(Schedulers.parallel()),
                        handler.onCartonClosed(two).as(tx::transactional).subscribeOn(Schedulers.parallel()))
                .block(Duration.ofSeconds(60));

        List<Map<String, Object>> inserts = new java.util.ArrayList<>();
        inserts.addAll(inserts(merchant, one.cartonId()));
        inserts.addAll(inserts(merchant, two.cartonId()));
        assertThat(inserts).extracting(insert -> insert.get("status")).containsExactly("taken");
        assertThat(onHand(merchant, "TEE-S-SAND")).isEqualTo(4);

        // Packing hands the same carton over once; should it come again, nothing is taken twice.
        handler.onCartonClosed(one).as(tx::transactional).block(Duration.ofSeconds(30));
        assertThat(onHand(merchant, "TEE-S-SAND")).isEqualTo(4);
        assertBooksAgree(world.merchantId);
    }

    @Test
    void unitsPromisedToOrdersAreNoInserts() {
        World world = World.create(this);
        WebTestClient merchant = world.merchant(this);
        receive(world, "TEE-S-SAND", 1);
        receive(world, "TEE-M-NAVY", 10);
        merchant.post().uri("/api/v1/orders").header("Idempotency-Key", "order-" + UUID.randomUUID())
                .bodyValue(Map.of("customer", Map.of("name", "Jonas", "address", Map.of("country", "LT")),
                        "lines", List.of(Map.of("sku", "TEE-S-SAND", "quantity", 1))))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("allocated");
        rule(merchant, Map.of("kind", "first_order", "sku", "TEE-S-SAND"));
        String orderId = order(merchant, "first." + UUID.randomUUID() + "@example.com", "web");

        assertThat(close(world, orderId)).extracting(insert -> insert.get("status")).containsExactly("out_of_stock");
        assertThat(onHand(merchant, "TEE-S-SAND")).isEqualTo(1);
        assertBooksAgree(world.merchantId);
    }

    /** Closes a one-line carton of the order (as packing would) and returns the slip's inserts. */
    private List<Map<String, Object>> close(World world, String orderId) {
        VariantRef navy = variants.bySku(UUID.fromString(world.merchantId), "TEE-M-NAVY").block();
        CartonClosed carton = carton(world, nodeId(world), orderId, 1, navy);
        handler.onCartonClosed(carton).as(tx::transactional).block(Duration.ofSeconds(30));
        return inserts(world.merchant(this), carton.cartonId());
    }

    private static CartonClosed carton(World world, UUID nodeId, String orderId, int number, VariantRef variant) {
        return new CartonClosed(UUID.randomUUID(), UUID.fromString(world.merchantId), nodeId, UUID.fromString(orderId), orderId, number, null,
                300, 250, 60, 420, "Rūta", List.of(new CartonClosed.Line(1, variant.id(), variant.sku(), StockLedger.NO_LOT, 1)));
    }

    private static List<Map<String, Object>> inserts(WebTestClient merchant, UUID cartonId) {
        return (List<Map<String, Object>>) merchant.get().uri("/api/v1/cartons/{id}/packing-slip", cartonId).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody().get("inserts");
    }

    private UUID nodeId(World world) {
        return UUID.fromString((String) admin().get().uri("/api/v1/nodes/{code}", world.node).exchange().expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody().get("id"));
    }

    private void receive(World world, String sku, int quantity) {
        world.worker(this).post().uri("/api/v1/receipts").header("Idempotency-Key", "insert-" + UUID.randomUUID())
                .bodyValue(Map.of("merchant_id", world.merchantId, "sku", sku, "quantity", quantity, "location_code", "DOCK-1"))
                .exchange().expectStatus().isCreated();
    }

    private static void rule(WebTestClient merchant, Map<String, Object> rule) {
        merchant.post().uri("/api/v1/insert-rules").bodyValue(rule).exchange().expectStatus().isCreated();
    }

    private static String order(WebTestClient merchant, String email, String channel) {
        Map<String, Object> customer = new java.util.HashMap<>(Map.of("name", "Ona", "address", Map.of("city", "Vilnius", "country", "LT")));
        if (email != null) {
            customer.put("email", email);
        }
        return (String) merchant.post().uri("/api/v1/orders").header("Idempotency-Key", "order-" + UUID.randomUUID())
                .bodyValue(Map.of("customer", customer, "channel", channel, "lines", List.of(Map.of("sku", "TEE-M-NAVY", "quantity", 1))))
                .exchange().expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody().get("id");
    }

    private static int onHand(WebTestClient merchant, String sku) {
        List<Map<String, Object>> balances = merchant.get().uri("/api/v1/stock/balances?sku={sku}", sku).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
        return balances.stream().mapToInt(balance -> (Integer) balance.get("on_hand")).sum();
    }
}
