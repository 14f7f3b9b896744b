package io.stowage.api.boxes;

import io.stowage.api.Published;
import io.stowage.api.problem.ApiProblem;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The commands packing calls when a carton closes, inside the close's transaction: the box it went in
 * is taken from the node's packaging stock; and when a closed carton is unpacked (its order cancelled
 * before it shipped): the box goes back. (Packing calls boxes, not the other way round: boxes
 * implementing packing's {@code CartonClosedHandler} would make the two features depend on each other.)
 */
@Service
@Published
public class PackagingStock {

    private final BoxTypeStore boxTypes;
    private final BoxStock stock;

    public PackagingStock(BoxTypeStore boxTypes, BoxStock stock) {
        this.boxTypes = boxTypes;
        this.stock = stock;
    }

    /**
     * Takes one box of {@code boxTypeCode} (the merchant's own before the 3PL's) from the node's stock for
     * this carton, once however often it is called for the same carton. Nothing is taken for a unit in its
     * own packaging (a null code) or at a node that does not count this box type; stock may go below zero
     * (the box was used, so the count was wrong) rather than refuse the close. A code the merchant has no
     * box type for is refused as a {@code box_type_code} problem.
     */
    public Mono<Void> takeForCarton(UUID merchantId, UUID nodeId, String boxTypeCode, UUID cartonId, String actor) {
        if (boxTypeCode == null) {
            return Mono.empty();
        }
        return boxTypes.byCode(merchantId, boxTypeCode)
                .switchIfEmpty(Mono.error(() -> ApiProblem.invalid("box_type_code", "no box type has the code " + boxTypeCode)))
                .flatMap(row -> stock.takeForCarton(row.id(), nodeId, cartonId, actor));
    }

    /**
     * Puts the box this carton took ({@link #takeForCarton}) back into the stock it came from, once
     * however often it is called for the same carton; nothing for a carton that took no box.
     */
    public Mono<Void> returnForCarton(UUID cartonId, String actor) {
        return stock.returnForCarton(cartonId, actor);
    }
}
