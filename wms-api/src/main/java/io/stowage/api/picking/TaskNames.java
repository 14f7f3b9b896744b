package io.stowage.api.picking;

import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.inventory.LotNumbers;
import io.stowage.api.network.LocationRef;
import io.stowage.api.network.Network;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a worker reads on a task instead of ids: SKUs from the catalog, lot numbers from inventory and
 * location codes from the network, asked of each owner once for a whole page or wave of tasks.
 */
@Component
class TaskNames {

    /** The names found, by id; an id with no name (no lot) is missing and reads as null. */
    record Names(Map<UUID, String> skus, Map<UUID, String> lots, Map<UUID, String> locations) {

        String sku(UUID variantId) {
            return variantId == null ? null : skus.get(variantId);
        }

        String lot(UUID lotKey) {
            return lotKey == null ? null : lots.get(lotKey);
        }

        String location(UUID locationId) {
            return locationId == null ? null : locations.get(locationId);
        }
    }

    private final Variants variants;
    private final LotNumbers lotNumbers;
    private final Network network;

    TaskNames(Variants variants, LotNumbers lotNumbers, Network network) {
        this.variants = variants;
        this.lotNumbers = lotNumbers;
        this.network = network;
    }

    /** One query per owner, one after the other (they may share the caller's transaction's connection); none for an empty set. */
    Mono<Names> of(Collection<UUID> variantIds, Collection<UUID> lotKeys, Collection<UUID> locationIds) {
        Set<UUID> variantSet = present(variantIds);
        Set<UUID> locationSet = present(locationIds);
        Mono<Map<UUID, String>> skus = variantSet.isEmpty() ? Mono.just(Map.of())
                : variants.byIds(variantSet).collectMap(VariantRef::id, VariantRef::sku);
        Mono<Map<UUID, String>> lots = lotNumbers.of(present(lotKeys)).map(found -> found.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, lot -> lot.getValue().lotNumber())));
        Mono<Map<UUID, String>> locations = locationSet.isEmpty() ? Mono.just(Map.of())
                : network.locationsByIds(locationSet).collectMap(LocationRef::id, LocationRef::code);
        return skus.flatMap(s -> lots.flatMap(l -> locations.map(c -> new Names(s, l, c))));
    }

    private static Set<UUID> present(Collection<UUID> ids) {
        return ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
