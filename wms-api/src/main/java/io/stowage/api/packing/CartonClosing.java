package io.stowage.api.packing;

import io.stowage.api.access.Caller;
import io.stowage.api.boxes.BoxChoice;
import io.stowage.api.boxes.BoxSuggestions;
import io.stowage.api.boxes.PackagingStock;
import io.stowage.api.boxes.UnitShape;
import io.stowage.api.boxes.WeightCheck;
import io.stowage.api.database.Params;
import io.stowage.api.orders.OrderContents;
import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closing a carton. The box is the one the packer scanned (an override when it is not the suggested
 * one), else the outer size the packer gave (the item's own packaging), else the box {@code boxes}
 * suggests for the carton's units. The measured weight is checked against tare plus the units'
 * catalog weights: outside the tolerance the carton waits in {@code recheck} (the packer re-weighs,
 * or a supervisor confirms the weight) instead of closing. A closed carton takes its box from the
 * node's packaging stock ({@code boxes.PackagingStock}) and is handed to every
 * {@link CartonClosedHandler} in the same transaction (a refusal from one undoes the close), and when
 * it held the order's last units the order is packed ({@link OrderPacking}).
 */
@Service
class CartonClosing {

    /** The box the packer scanned, or the outer size of the item's own packaging, or neither (take the suggestion); and the weight. */
    record Close(String boxTypeCode, Integer lengthMm, Integer widthMm, Integer heightMm, int weightGrams) {
    }

    /** The carton after the close, and where its order stands: {@code packed} when it was the last, else still {@code picked}. */
    record Closed(CartonView carton, String orderStatus, int orderRemaining, int parcels, String suggestedBoxTypeCode, boolean boxOverridden,
                  WeightCheck weightCheck) {
    }

    /** The box a carton goes in: a box type (null for the item's own packaging) and its inner size. */
    private record Box(String code, int lengthMm, int widthMm, int heightMm, String suggestedCode, boolean overridden) {
    }

    private final DatabaseClient db;
    private final CartonWork work;
    private final Cartons cartons;
    private final OrderPacking packing;
    private final BoxAdvice advice;
    private final BoxSuggestions boxes;
    private final PackagingStock packaging;
    private final ObjectProvider<CartonClosedHandler> handlers;

    CartonClosing(DatabaseClient db, CartonWork work, Cartons cartons, OrderPacking packing, BoxAdvice advice, BoxSuggestions boxes,
                  PackagingStock packaging, ObjectProvider<CartonClosedHandler> handlers) {
        this.db = db;
        this.work = work;
        this.cartons = cartons;
        this.packing = packing;
        this.advice = advice;
        this.boxes = boxes;
        this.packaging = packaging;
        this.handlers = handlers;
    }

    Mono<Closed> close(Caller.Worker packer, UUID cartonId, Close close) {
        return work.ownCarton(packer, cartonId)
                .flatMap(carton -> work.lockedUnits(packer.nodeId(), carton.orderId())
                        .flatMap(units -> cartons.byId(null, cartonId).flatMap(view -> {
                            if (view.isClosed()) {
                                return Mono.error(ApiProblem.of(ProblemType.CARTON_NOT_OPEN, "Parcel " + view.cartonNumber() + " is already closed"));
                            }
                            if (view.lines().isEmpty()) {
                                return Mono.error(ApiProblem.of(ProblemType.CARTON_EMPTY, "Parcel " + view.cartonNumber() + " has no units; scan them in first"));
                            }
                            return advice.shapes(view.merchantId(), units(view))
                                    .flatMap(shapes -> box(view, shapes, close)
                                            .flatMap(box -> boxes.checkWeight(view.merchantId(), box.code(), shapes, close.weightGrams())
                                                    .flatMap(check -> check.withinTolerance()
                                                            ? closeAndHand(packer, carton, units.order(), view, box, close.weightGrams(), check)
                                                            : recheck(carton, units.remaining(), box, check))));
                        })));
    }

    /** A supervisor accepts a re-check carton's weight as measured: it closes as it stands. */
    Mono<Closed> confirmWeight(Caller.Worker supervisor, UUID cartonId) {
        return work.carton(supervisor, cartonId)
                .flatMap(carton -> work.lockedUnits(carton.nodeId(), carton.orderId())
                        .flatMap(units -> cartons.byId(null, cartonId).flatMap(view -> {
                            if (!"recheck".equals(view.status())) {
                                return Mono.error(ApiProblem.of(ProblemType.CARTON_NOT_IN_RECHECK, "Parcel " + view.cartonNumber() + " is " + view.status()
                                        + "; only a carton waiting for a weight re-check is confirmed"));
                            }
                            Box box = new Box(view.boxTypeCode(), view.lengthMm(), view.widthMm(), view.heightMm(), null, false);
                            WeightCheck accepted = new WeightCheck(view.expectedWeightGrams(), view.weightGrams(), 0, false);
                            return closeAndHand(supervisor, carton, units.order(), view, box, view.weightGrams(), accepted);
                        })));
    }

    private static List<BoxAdvice.Units> units(CartonView view) {
        return view.lines().stream().map(line -> new BoxAdvice.Units(line.variantId(), line.quantity())).toList();
    }

    private Mono<Box> box(CartonView view, List<UnitShape> shapes, Close close) {
        boolean sizeGiven = close.lengthMm() != null || close.widthMm() != null || close.heightMm() != null;
        Mono<String> suggested = advice.cheapest(view.merchantId(), view.nodeId(), shapes)
                .map(choice -> choice.cartons().size() == 1 && choice.cartons().get(0).boxTypeCode() != null ? choice.cartons().get(0).boxTypeCode() : "")
                .defaultIfEmpty("");
        if (close.boxTypeCode() != null) {
            if (sizeGiven) {
                return Mono.error(ApiProblem.invalid("length_mm", "a scanned box has its own size; send the box type or the size, not both"));
            }
            return boxes.boxType(view.merchantId(), close.boxTypeCode())
                    .onErrorMap(ApiProblem.class, notFound -> ApiProblem.invalid("box_type_code", "no box type has the code " + close.boxTypeCode()))
                    .flatMap(type -> type.active() ? Mono.just(type)
                            : Mono.error(ApiProblem.invalid("box_type_code", "box type " + type.code() + " is retired")))
                    .zipWith(suggested)
                    .map(both -> new Box(both.getT1().code(), both.getT1().innerLengthMm(), both.getT1().innerWidthMm(), both.getT1().innerHeightMm(),
                            both.getT2().isEmpty() ? null : both.getT2(), !both.getT1().code().equals(both.getT2())));
        }
        if (sizeGiven) {
            if (close.lengthMm() == null || close.widthMm() == null || close.heightMm() == null) {
                return Mono.error(ApiProblem.invalid("length_mm", "give the outer length, width and height of the item's own packaging"));
            }
            return suggested.map(code -> new Box(null, close.lengthMm(), close.widthMm(), close.heightMm(), code.isEmpty() ? null : code, true));
        }
        return advice.cheapest(view.merchantId(), view.nodeId(), shapes)
                .switchIfEmpty(Mono.error(() -> ApiProblem.of(ProblemType.NO_BOX_FITS, "No box fits the units of parcel " + view.cartonNumber()
                        + "; scan a box, or give the size of the item's own packaging")))
                .flatMap(choice -> choice.cartons().size() == 1 ? Mono.just(suggestedBox(choice.cartons().get(0)))
                        : Mono.error(ApiProblem.of(ProblemType.NO_BOX_FITS, "The units of parcel " + view.cartonNumber() + " need "
                                + choice.cartons().size() + " boxes; close it with fewer units and pack the rest in another carton")));
    }

    private static Box suggestedBox(BoxChoice.Carton carton) {
        return new Box(carton.boxTypeCode(), carton.lengthMm(), carton.widthMm(), carton.heightMm(), carton.boxTypeCode(), false);
    }

    /** Outside the tolerance: the carton keeps its box and weight and waits for a re-weigh or a supervisor; nothing is handed on. */
    private Mono<Closed> recheck(CartonWork.Carton carton, int orderRemaining, Box box, WeightCheck check) {
        String reason = "weighed " + check.measuredGrams() + " g, expected " + check.expectedGrams() + " g ± " + check.toleranceGrams() + " g";
        return db.sql("""
                        UPDATE cartons SET status = 'recheck', box_type_code = :box, box_overridden = :overridden, length_mm = :length,
                               width_mm = :width, height_mm = :height, weight_grams = :weight, expected_weight_grams = :expected, recheck_reason = :reason
                        WHERE id = :carton AND status IN ('open', 'recheck')
                        """)
                .bind("box", Params.nullable(box.code(), String.class)).bind("overridden", box.overridden())
                .bind("length", box.lengthMm()).bind("width", box.widthMm()).bind("height", box.heightMm())
                .bind("weight", check.measuredGrams()).bind("expected", check.expectedGrams()).bind("reason", reason).bind("carton", carton.id())
                .then()
                .then(cartons.byId(null, carton.id()))
                .flatMap(rechecked -> cartons.ofOrder(carton.orderId()).count()
                        .map(parcels -> new Closed(rechecked, "picked", orderRemaining, parcels.intValue(), box.suggestedCode(), box.overridden(), check)));
    }

    private Mono<Closed> closeAndHand(Caller.Worker worker, CartonWork.Carton carton, OrderContents.Contents order,
                                      CartonView view, Box box, int weightGrams, WeightCheck check) {
        return db.sql("""
                        UPDATE cartons SET status = 'closed', box_type_code = :box, box_overridden = :overridden, length_mm = :length,
                               width_mm = :width, height_mm = :height, weight_grams = :weight, expected_weight_grams = :expected,
                               recheck_reason = NULL, closed_by = :actor, closed_at = clock_timestamp()
                        WHERE id = :carton AND status IN ('open', 'recheck')
                        """)
                .bind("box", Params.nullable(box.code(), String.class)).bind("overridden", box.overridden())
                .bind("length", box.lengthMm()).bind("width", box.widthMm()).bind("height", box.heightMm())
                .bind("weight", weightGrams).bind("expected", check.expectedGrams()).bind("actor", worker.actor()).bind("carton", carton.id())
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty()
                        : Mono.error(ApiProblem.of(ProblemType.CARTON_NOT_OPEN, "Parcel " + view.cartonNumber() + " was closed meanwhile")))
                .then(packaging.takeForCarton(view.merchantId(), view.nodeId(), box.code(), carton.id(), worker.actor()))
                .then(cartons.byId(null, carton.id()))
                .flatMap(closed -> handle(closed).thenReturn(closed))
                .flatMap(closed -> packing.finishIfComplete(worker, carton.sessionId(), order, carton.nodeId())
                        .map(finish -> new Closed(closed, finish.orderStatus(), finish.remaining(), finish.parcels(), box.suggestedCode(),
                                box.overridden(), check)));
    }

    /** Every handler, one after the other, in the close's transaction. */
    private Mono<Void> handle(CartonView carton) {
        CartonClosed closed = closed(carton);
        return Flux.fromIterable(handlers.orderedStream().toList()).concatMap(handler -> handler.onCartonClosed(closed)).then();
    }

    static CartonClosed closed(CartonView carton) {
        return new CartonClosed(carton.id(), carton.merchantId(), carton.nodeId(), carton.orderId(), carton.orderNumber(), carton.cartonNumber(),
                carton.boxTypeCode(), carton.lengthMm(), carton.widthMm(), carton.heightMm(), carton.weightGrams(), carton.packerName(),
                carton.lines().stream().map(line -> new CartonClosed.Line(line.lineNo(), line.variantId(), line.sku(), line.lotKey(), line.quantity()))
                        .toList());
    }
}
