package io.stowage.api.orders;

import io.stowage.api.merchants.Merchants;
import io.stowage.api.network.Network;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Which nodes may ship a merchant's order: every warehouse; the merchant's own stores when the
 * merchant ships from stores; and the store the customer collects from, always. Plus the
 * merchant's shelf-life rule for the order's channel.
 */
@Service
class OrderRouting {

    private final ShelfLifeRules shelfLife;
    private final Network network;
    private final Merchants merchants;

    OrderRouting(ShelfLifeRules shelfLife, Network network, Merchants merchants) {
        this.shelfLife = shelfLife;
        this.network = network;
        this.merchants = merchants;
    }

    Mono<RoutingContext> context(UUID merchantId, String channel, UUID pickupNodeId, double latitude, double longitude) {
        return Mono.zip(merchants.shipsFromStore(merchantId), shelfLife.minRemainingDays(merchantId, channel))
                .flatMap(settings -> {
                    boolean shipFromStore = settings.getT1();
                    return network.nodesNear(latitude, longitude)
                            .filter(near -> near.node().isWarehouse()
                                    || near.node().id().equals(pickupNodeId)
                                    || shipFromStore && merchantId.equals(near.node().merchantId()))
                            .collectList()
                            .map(near -> new RoutingContext(
                                    near.stream().map(n -> new RoutingPolicy.Candidate(n.node().id(), n.node().code(), n.distanceKm())).toList(),
                                    settings.getT2(),
                                    near.stream().collect(Collectors.toMap(n -> n.node().id(), n -> n.node().kind()))));
                });
    }
}
