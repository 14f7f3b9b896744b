package io.stowage.api.boxes;

import io.stowage.api.Published;
import io.stowage.api.catalog.VariantRef;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What packing asks of the boxes: which boxes an order's units go in (cheapest total first), what a
 * closed carton should weigh, and the box type a packer scanned. Units come as {@link UnitShape}s,
 * one per unit ({@link #shape} makes one from the catalog's variant).
 */
@Service
@Published
public class BoxSuggestions {

    private final BoxTypeStore boxTypes;
    private final WeightTolerance tolerance;

    public BoxSuggestions(BoxTypeStore boxTypes,
                          @Value("${stowage.boxes.weight-tolerance-percent:5}") int tolerancePercent,
                          @Value("${stowage.boxes.weight-tolerance-min-grams:30}") int toleranceMinimumGrams) {
        this.boxTypes = boxTypes;
        this.tolerance = new WeightTolerance(tolerancePercent, toleranceMinimumGrams);
    }

    /** One unit of a catalog variant. */
    public static UnitShape shape(VariantRef variant) {
        return new UnitShape(variant.id(), zeroIfNull(variant.lengthMm()), zeroIfNull(variant.widthMm()), zeroIfNull(variant.heightMm()),
                zeroIfNull(variant.weightG()), variant.fragile(), variant.shipsSeparately());
    }

    /** The ways to pack the units in the merchant's and the 3PL's active boxes, cheapest first; empty when nothing fits. */
    public Mono<List<BoxChoice>> suggest(UUID merchantId, List<UnitShape> units) {
        return suggest(merchantId, null, units);
    }

    /** As {@link #suggest(UUID, List)}, leaving out the boxes the node counts and has run out of. */
    public Mono<List<BoxChoice>> suggest(UUID merchantId, UUID nodeId, List<UnitShape> units) {
        return Mono.fromRunnable(() -> UnitShapes.check(units))
                .then(boxTypes.offered(merchantId, nodeId).map(BoxType::candidate).collectList())
                // The exact search is up to 3^12 steps per box type: CPU work, kept off the event loop.
                .publishOn(Schedulers.parallel())
                .map(boxes -> Cartonization.choose(units, boxes));
    }

    /**
     * The measured weight of a carton against tare plus the units' catalog weights. A null
     * {@code boxTypeCode} is a unit in its own packaging (no tare); an unknown code is not found.
     */
    public Mono<WeightCheck> checkWeight(UUID merchantId, String boxTypeCode, List<UnitShape> units, int measuredGrams) {
        return Mono.fromRunnable(() -> {
                    UnitShapes.check(units);
                    if (measuredGrams <= 0) {
                        throw ApiProblem.invalid("measured_grams", "must be a positive weight in grams, not " + measuredGrams);
                    }
                })
                .then(boxTypeCode == null ? Mono.just(0) : boxType(merchantId, boxTypeCode).map(BoxType::tareGrams))
                .map(tare -> tolerance.check(tare + units.stream().mapToInt(UnitShape::weightGrams).sum(), measuredGrams));
    }

    /**
     * Refuses ({@code box-too-small}) a box the units cannot go in: one longer than the box however it is
     * turned, more volume than the box's fill limit, or more weight than it may carry. For a packer who
     * scans another box than the suggested one.
     */
    public Mono<Void> requireFits(UUID merchantId, String boxTypeCode, List<UnitShape> units) {
        return Mono.fromRunnable(() -> UnitShapes.check(units))
                .then(boxType(merchantId, boxTypeCode))
                .flatMap(box -> {
                    List<Item> items = new java.util.ArrayList<>();
                    for (int i = 0; i < units.size(); i++) {
                        items.add(Item.of(i, units.get(i)));
                    }
                    return PackedCarton.whyNot(box.candidate(), items)
                            .<Mono<Void>>map(reason -> Mono.error(ApiProblem.of(ProblemType.BOX_TOO_SMALL, reason)))
                            .orElse(Mono.empty());
                });
    }

    /** The box this code names for the merchant (its own before the 3PL's), retired or not; unknown codes are not found. */
    public Mono<BoxType> boxType(UUID merchantId, String code) {
        return boxTypes.byCode(merchantId, code)
                .map(BoxTypeStore.Row::boxType)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("Box type", code)));
    }

    private static int zeroIfNull(Integer value) {
        return value == null ? 0 : value;
    }
}
