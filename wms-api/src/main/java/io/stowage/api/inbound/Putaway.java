package io.stowage.api.inbound;

import io.stowage.api.Published;
import io.stowage.api.inventory.ShelfStock;
import io.stowage.api.network.LocationRef;
import io.stowage.api.network.Network;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Where received units should go: the variant's own pick face at this node first, so pickers find
 * it where they expect; otherwise the nearest empty storage location to where the units stand.
 * Nearness is the rectilinear distance, which is how a person walks between parallel aisles.
 */
@Service
@Published
public class Putaway {

    /** Storage locations looked at per round, nearest first, until one holds nothing. */
    private static final int PAGE = 200;

    private final Network network;
    private final ShelfStock shelves;

    public Putaway(Network network, ShelfStock shelves) {
        this.network = network;
        this.shelves = shelves;
    }

    public record Suggestion(String locationCode, String reason) {
    }

    public Mono<Suggestion> suggest(UUID nodeId, UUID variantId, UUID fromLocationId) {
        Mono<Suggestion> pickFace = network.pickFace(nodeId, variantId).map(location -> new Suggestion(location.code(), "pick_face"));
        Mono<Suggestion> nearestFree = nearestEmpty(nodeId, fromLocationId, 0).map(location -> new Suggestion(location.code(), "nearest_free"));
        return pickFace.switchIfEmpty(nearestFree);
    }

    /** Each page is read whole before inventory is asked, so that both queries may share a transaction's connection. */
    private Mono<LocationRef> nearestEmpty(UUID nodeId, UUID fromLocationId, int offset) {
        return network.storageNearest(nodeId, fromLocationId, offset, PAGE).collectList()
                .flatMap(page -> page.isEmpty() ? Mono.empty() : shelves.holdingStock(page.stream().map(LocationRef::id).toList())
                        .flatMap(occupied -> firstEmpty(page, occupied))
                        .switchIfEmpty(Mono.defer(() -> page.size() < PAGE ? Mono.empty() : nearestEmpty(nodeId, fromLocationId, offset + PAGE))));
    }

    private static Mono<LocationRef> firstEmpty(List<LocationRef> page, Set<UUID> occupied) {
        return Mono.justOrEmpty(page.stream().filter(location -> !occupied.contains(location.id())).findFirst());
    }
}
