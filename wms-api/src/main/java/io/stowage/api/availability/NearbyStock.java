package io.stowage.api.availability;

import io.stowage.api.catalog.Variants;
import io.stowage.api.network.Network;
import io.stowage.api.problem.ApiProblem;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** "Which stores near me have it": nodes holding sellable units of a variant, nearest first. */
@Service
public class NearbyStock {

    private final Variants catalog;
    private final SellableLevels levels;
    private final Network network;

    public NearbyStock(Variants catalog, SellableLevels levels, Network network) {
        this.catalog = catalog;
        this.levels = levels;
        this.network = network;
    }

    public record NearbyNode(String nodeCode, String kind, String name, String city, double distanceKm, int available) {
    }

    public Mono<List<NearbyNode>> near(UUID merchantId, String sku, double latitude, double longitude, double radiusKm, String kind) {
        if (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180) {
            return Mono.error(ApiProblem.invalid("latitude", "latitude must be within ±90 and longitude within ±180"));
        }
        return catalog.bySku(merchantId, sku)
                .flatMap(variant -> levels.of(merchantId, List.of(variant.id()))
                        .filter(level -> level.onHand() > level.reserved())
                        .collectMap(SellableLevels.Level::nodeId, level -> level.onHand() - level.reserved()))
                .flatMap(available -> network.nodesNear(latitude, longitude)
                        .filter(nearby -> available.containsKey(nearby.node().id()))
                        .filter(nearby -> kind == null || kind.equals(nearby.node().kind()))
                        .map(nearby -> new NearbyNode(nearby.node().code(), nearby.node().kind(), nearby.node().name(),
                                nearby.node().address() == null ? null : nearby.node().address().city(),
                                Math.round(nearby.distanceKm() * 10) / 10.0, available.get(nearby.node().id())))
                        .filter(node -> node.distanceKm() <= radiusKm)
                        .collectList())
                .defaultIfEmpty(List.of());
    }
}
