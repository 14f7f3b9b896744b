package io.stowage.api.boxes;

import io.stowage.api.access.Caller;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import io.stowage.api.network.Network;
import io.stowage.api.problem.ApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Which boxes some of the merchant's SKUs would leave in, cheapest first, as packing will suggest
 * them: {@code GET /api/v1/box-suggestions?item=TEE-NAVY-M:2&item=MUG-WHITE}, optionally at a node
 * ({@code node_code}) to leave out the boxes it has run out of.
 */
@RestController
class BoxSuggestionController {

    private final BoxSuggestions suggestions;
    private final Variants variants;
    private final Network network;

    BoxSuggestionController(BoxSuggestions suggestions, Variants variants, Network network) {
        this.suggestions = suggestions;
        this.variants = variants;
        this.network = network;
    }

    record Suggestions(List<BoxChoice> choices) {
    }

    @GetMapping("/api/v1/box-suggestions")
    Mono<Suggestions> suggest(@AuthenticationPrincipal Caller caller, @RequestParam(name = "item", required = false) List<String> items,
                              @RequestParam(name = "node_code", required = false) String nodeCode) {
        UUID merchantId = caller.asMerchant().merchantId();
        Map<String, Integer> quantities = quantities(items);
        Mono<UUID> node = nodeCode == null ? Mono.empty() : network.node(nodeCode)
                .onErrorMap(ApiProblem.class, notFound -> ApiProblem.invalid("node_code", "no node has the code " + nodeCode))
                .map(found -> found.id());
        return variants.bySkus(merchantId, quantities.keySet()).collectMap(VariantRef::sku)
                .flatMap(found -> {
                    List<UnitShape> units = new ArrayList<>();
                    List<String> unknown = new ArrayList<>();
                    quantities.forEach((sku, quantity) -> {
                        if (!found.containsKey(sku)) {
                            unknown.add(sku);
                        }
                        for (int i = 0; i < quantity && found.containsKey(sku); i++) {
                            units.add(BoxSuggestions.shape(found.get(sku)));
                        }
                    });
                    if (!unknown.isEmpty()) {
                        return Mono.error(ApiProblem.invalid("item", "no variant of yours has the SKU " + String.join(", ", unknown)));
                    }
                    return node.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                            .flatMap(nodeId -> suggestions.suggest(merchantId, nodeId.orElse(null), units));
                })
                .map(Suggestions::new);
    }

    /** {@code SKU} or {@code SKU:quantity} per item (a SKU has no colon); the same SKU twice adds up. */
    private static Map<String, Integer> quantities(List<String> items) {
        if (items == null || items.isEmpty()) {
            throw ApiProblem.invalid("item", "name at least one SKU, as item=SKU or item=SKU:quantity");
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (String item : items) {
            int colon = item.lastIndexOf(':');
            String sku = colon < 0 ? item : item.substring(0, colon);
            int quantity;
            try {
                quantity = colon < 0 ? 1 : Integer.parseInt(item.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw ApiProblem.invalid("item", "'" + item + "' is not SKU or SKU:quantity with a whole quantity");
            }
            if (sku.isBlank() || quantity < 1 || quantity > UnitShapes.MAX_UNITS) {
                throw ApiProblem.invalid("item", "'" + item + "' needs a SKU and a quantity of 1 to " + UnitShapes.MAX_UNITS);
            }
            quantities.merge(sku, quantity, Integer::sum);
        }
        return quantities;
    }
}
