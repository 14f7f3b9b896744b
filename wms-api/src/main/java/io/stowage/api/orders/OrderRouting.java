package io.stowage.api.orders;

import io.stowage.api.merchants.Merchants;
import io.stowage.api.network.Network;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Which nodes may ship a merchant's order: every warehouse; the merchant's own stores when the
 * merchant ships from stores; and the store the customer collects from, always. Plus the
 * merchant's shelf-life rule for the order's channel.
 */
@Service
class OrderRouting {

    private final DatabaseClient db;
    private final Network network;
    private final Merchants merchants;

    OrderRouting(DatabaseClient db, Network network, Merchants merchants) {
        this.db = db;
        this.network = network;
        this.merchants = merchants;
    }

    Mono<RoutingContext> context(UUID merchantId, String channel, UUID pickupNodeId, double latitude, double longitude) {
        Mono<Integer> minDays = db.sql("SELECT min_remaining_days FROM shelf_life_rules WHERE merchant_id = :merchant AND channel = :channel")
                .bind("merchant", merchantId).bind("channel", channel)
                .map(row -> row.get("min_remaining_days", Integer.class))
                .one()
                .defaultIfEmpty(0);
        return merchants.get(merchantId)
                .zipWith(minDays, (merchant, days) -> new Object[] {merchant.shipFromStore(), days})
                .flatMap(settings -> {
                    boolean shipFromStore = (Boolean) settings[0];
                    return network.nodesNear(latitude, longitude)
                            .filter(near -> near.node().isWarehouse()
                                    || near.node().id().equals(pickupNodeId)
                                    || shipFromStore && merchantId.equals(near.node().merchantId()))
                            .collectList()
                            .map(near -> new RoutingContext(
                                    near.stream().map(n -> new RoutingPolicy.Candidate(n.node().id(), n.node().code(), n.distanceKm())).toList(),
                                    (Integer) settings[1],
                                    near.stream().collect(Collectors.toMap(n -> n.node().id(), n -> n.node().kind()))));
                });
    }
}
