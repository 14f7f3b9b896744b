package io.stowage.api.returns;

import io.stowage.api.availability.Availability;
import io.stowage.api.catalog.VariantDescriptions;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.orders.OrderContents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the customer's return page offers for an order: each item with how many units may still come
 * back, whether the merchant's policy takes it back at all, and for an exchange the other sizes and
 * colours of the same product that are in stock now; the window and the policy's reasons. The page
 * offers exactly what {@link ReturnRequests} accepts; it checks everything again when the form comes.
 */
@Service
class CustomerReturns {

    /** A variant the customer may take instead: its SKU and how a person tells it apart (name, size, colour). */
    record Exchange(String sku, String label) {
    }

    /**
     * One item of the order.
     *
     * @param returnable units that may still come back (shipped, less those on earlier returns)
     * @param excluded   the merchant's policy takes this SKU back in no case
     * @param exchanges  in-stock variants of the same product, when the policy takes exchanges
     */
    record Item(int index, String sku, String name, int ordered, int returnable, boolean excluded, List<Exchange> exchanges) {
    }

    record Options(ReturnPolicies.ReturnPolicy policy, ReturnWindows.Window window, boolean open, List<Item> items) {

        public boolean anythingToReturn() {
            return open && items.stream().anyMatch(item -> !item.excluded() && item.returnable() > 0);
        }
    }

    private final ReturnPolicies policies;
    private final ReturnWindows windows;
    private final ReturnRequests requests;
    private final OrderContents orders;
    private final Variants variants;
    private final VariantDescriptions descriptions;
    private final Availability availability;

    CustomerReturns(ReturnPolicies policies, ReturnWindows windows, ReturnRequests requests, OrderContents orders, Variants variants,
                    VariantDescriptions descriptions, Availability availability) {
        this.policies = policies;
        this.windows = windows;
        this.requests = requests;
        this.orders = orders;
        this.variants = variants;
        this.descriptions = descriptions;
        this.availability = availability;
    }

    /** The order's options; a problem when the merchant has no policy or nothing of the order has shipped. */
    Mono<Options> options(UUID merchantId, UUID orderId) {
        return policies.require(merchantId).flatMap(policy -> windows.of(merchantId, orderId, policy.windowDays())
                .flatMap(window -> orders.of(orderId).flatMap(order -> Mono.zip(requests.alreadyReturned(merchantId, orderId), requests.shipped(order))
                        .map(found -> Map.entry(order, found))).flatMap(all -> {
                    Map<UUID, Integer> ordered = new LinkedHashMap<>();
                    all.getKey().lines().forEach(line -> ordered.merge(line.variantId(), line.quantity(), Integer::sum));
                    Map<UUID, Integer> returned = all.getValue().getT1();
                    Map<UUID, Integer> shipped = all.getValue().getT2();
                    return variants.byIds(ordered.keySet()).collectMap(VariantRef::id).flatMap(refs -> Flux.fromIterable(ordered.keySet())
                            .index()
                            .concatMap(indexed -> {
                                VariantRef variant = refs.get(indexed.getT2());
                                int units = ordered.get(variant.id());
                                Mono<List<Exchange>> exchanges = policy.exchangesAllowed() ? exchanges(merchantId, variant) : Mono.just(List.of());
                                return Mono.zip(exchanges, describe(List.of(variant.id())))
                                        .map(both -> new Item(indexed.getT1().intValue(), variant.sku(),
                                                both.getT2().getOrDefault(variant.id(), variant.name()), units,
                                                Math.max(0, shipped.getOrDefault(variant.id(), 0) - returned.getOrDefault(variant.id(), 0)),
                                                policy.nonReturnableSkus().contains(variant.sku()), both.getT1()));
                            })
                            .collectList())
                            .map(items -> new Options(policy, window, window.openAt(windows.now()), items));
                })));
    }

    /** Other variants of the variant's product with units available to sell now. */
    private Mono<List<Exchange>> exchanges(UUID merchantId, VariantRef variant) {
        return variants.ofProduct(merchantId, variant.productCode()).filter(sibling -> !sibling.id().equals(variant.id())).collectList()
                .flatMap(siblings -> {
                    if (siblings.isEmpty()) {
                        return Mono.just(List.<Exchange>of());
                    }
                    return Mono.zip(availability.forSkus(merchantId, siblings.stream().map(VariantRef::sku).toList()),
                                    describe(siblings.stream().map(VariantRef::id).toList()))
                            .map(both -> {
                                Map<String, Integer> available = new HashMap<>();
                                both.getT1().forEach(level -> available.put(level.sku(), level.available()));
                                List<Exchange> offered = new ArrayList<>();
                                for (VariantRef sibling : siblings) {
                                    if (available.getOrDefault(sibling.sku(), 0) > 0) {
                                        offered.add(new Exchange(sibling.sku(), both.getT2().getOrDefault(sibling.id(), sibling.name())));
                                    }
                                }
                                return offered;
                            });
                });
    }

    /** How a person tells each variant apart: its name, else the product's name with its attributes. */
    private Mono<Map<UUID, String>> describe(List<UUID> ids) {
        return descriptions.of(ids).collectMap(VariantDescriptions.Description::id, description -> {
            if (description.name() != null && !description.name().isBlank()) {
                return description.name();
            }
            String attributes = String.join(", ", description.attributes().values());
            return attributes.isEmpty() ? description.productName() : description.productName() + " (" + attributes + ")";
        });
    }
}
