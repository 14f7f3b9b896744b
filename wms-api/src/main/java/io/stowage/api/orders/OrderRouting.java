package io.stowage.api.orders;

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

    OrderRouting(DatabaseClient db, Network network) {
        this.db = db;
        this.network = network;
    }

    Mono<RoutingContext> context(UUID merchantId, String channel, UUID pickupNodeId, double latitude, double longitude) {
        return db.sql("""
                        SELECT m.ship_from_store,
                               coalesce((SELECT r.min_remaining_days FROM shelf_life_rules r
                                         WHERE r.merchant_id = m.id AND r.channel = :channel), 0) AS min_days
                        FROM merchants m WHERE m.id = :merchant
                        """)
                .bind("merchant", merchantId).bind("channel", channel)
                .map(row -> new Object[] {Boolean.TRUE.equals(row.get("ship_from_store", Boolean.class)), row.get("min_days", Integer.class)})
                .one()
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
