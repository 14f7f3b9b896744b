package io.stowage.api.packing;

import io.stowage.api.boxes.BoxChoice;
import io.stowage.api.boxes.BoxSuggestions;
import io.stowage.api.boxes.UnitShape;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.catalog.Variants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Packing's questions to {@code boxes}: the units as shapes the cartonization takes (one per unit,
 * from the catalog), the boxes suggested for them, cheapest first.
 */
@Component
class BoxAdvice {

    /** Units of one variant. */
    record Units(UUID variantId, int quantity) {
    }

    private final BoxSuggestions boxes;
    private final Variants variants;

    BoxAdvice(BoxSuggestions boxes, Variants variants) {
        this.boxes = boxes;
        this.variants = variants;
    }

    /** One shape per unit, in the order given. */
    Mono<List<UnitShape>> shapes(UUID merchantId, List<Units> units) {
        List<UUID> ids = units.stream().map(Units::variantId).distinct().toList();
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return variants.byIds(ids).collectMap(VariantRef::id, Function.identity())
                .map(byId -> shapes(units, byId));
    }

    private static List<UnitShape> shapes(List<Units> units, Map<UUID, VariantRef> byId) {
        List<UnitShape> shapes = new ArrayList<>();
        for (Units unit : units) {
            UnitShape shape = BoxSuggestions.shape(byId.get(unit.variantId()));
            for (int i = 0; i < unit.quantity(); i++) {
                shapes.add(shape);
            }
        }
        return shapes;
    }

    /** The cheapest way to pack the units at the node; empty when no box fits them (or there are none). */
    Mono<BoxChoice> cheapest(UUID merchantId, UUID nodeId, List<UnitShape> shapes) {
        if (shapes.isEmpty()) {
            return Mono.empty();
        }
        return boxes.suggest(merchantId, nodeId, shapes).flatMap(choices -> choices.isEmpty() ? Mono.empty() : Mono.just(choices.get(0)));
    }
}
