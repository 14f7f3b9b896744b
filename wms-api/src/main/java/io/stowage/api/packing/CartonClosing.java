package io.stowage.api.packing;

import io.stowage.api.access.Caller;
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
 * Closing a carton: the box it went in (its inner size) and its weight are recorded, every
 * {@link CartonClosedHandler} acts on it in the same transaction (a refusal from one undoes the
 * close), and when it was the order's last unit the order is packed ({@link OrderPacking}).
 */
@Service
class CartonClosing {

    /** The box the packer used (a box type code, or none for the item's own packaging), its inner size and the carton's weight. */
    record Close(String boxTypeCode, Integer lengthMm, Integer widthMm, Integer heightMm, int weightGrams) {
    }

    /** The closed carton, and where its order stands: {@code packed} when it was the last, else still {@code picked}. */
    record Closed(CartonView carton, String orderStatus, int orderRemaining, int parcels) {
    }

    private final DatabaseClient db;
    private final CartonWork work;
    private final Cartons cartons;
    private final OrderPacking packing;
    private final ObjectProvider<CartonClosedHandler> handlers;

    CartonClosing(DatabaseClient db, CartonWork work, Cartons cartons, OrderPacking packing, ObjectProvider<CartonClosedHandler> handlers) {
        this.db = db;
        this.work = work;
        this.cartons = cartons;
        this.packing = packing;
        this.handlers = handlers;
    }

    Mono<Closed> close(Caller.Worker packer, UUID cartonId, Close close) {
        return work.ownCarton(packer, cartonId)
                .flatMap(carton -> work.lockedUnits(packer, carton.orderId())
                        .flatMap(units -> cartons.byId(null, cartonId).flatMap(view -> {
                            if (view.isClosed()) {
                                return Mono.error(ApiProblem.of(ProblemType.CARTON_NOT_OPEN, "Parcel " + view.cartonNumber() + " is already closed"));
                            }
                            if (view.lines().isEmpty()) {
                                return Mono.error(ApiProblem.of(ProblemType.CARTON_EMPTY, "Parcel " + view.cartonNumber() + " has no units; scan them in first"));
                            }
                            if (close.lengthMm() == null || close.widthMm() == null || close.heightMm() == null) {
                                return Mono.error(ApiProblem.invalid("length_mm", "give the box's inner length, width and height"));
                            }
                            return markClosed(packer, cartonId, close)
                                    .then(cartons.byId(null, cartonId))
                                    .flatMap(closed -> handle(closed).thenReturn(closed))
                                    .flatMap(closed -> packing.finishIfComplete(packer, carton.sessionId(), units.order(), carton.nodeId())
                                            .map(finish -> new Closed(closed, finish.orderStatus(), finish.remaining(), finish.parcels())));
                        })));
    }

    private Mono<Void> markClosed(Caller.Worker packer, UUID cartonId, Close close) {
        return db.sql("""
                        UPDATE cartons SET status = 'closed', box_type_code = :box, length_mm = :length, width_mm = :width, height_mm = :height,
                               weight_grams = :weight, recheck_reason = NULL, closed_by = :actor, closed_at = clock_timestamp()
                        WHERE id = :carton AND status <> 'closed'
                        """)
                .bind("box", io.stowage.api.database.Params.nullable(close.boxTypeCode(), String.class))
                .bind("length", close.lengthMm()).bind("width", close.widthMm()).bind("height", close.heightMm())
                .bind("weight", close.weightGrams()).bind("actor", packer.actor()).bind("carton", cartonId)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated == 1 ? Mono.<Void>empty()
                        : Mono.error(ApiProblem.of(ProblemType.CARTON_NOT_OPEN, "Carton " + cartonId + " was closed meanwhile")));
    }

    /** Every handler, one after the other, in the close's transaction. */
    private Mono<Void> handle(CartonView carton) {
        CartonClosed closed = closed(carton);
        List<CartonClosedHandler> all = handlers.orderedStream().toList();
        return Flux.fromIterable(all).concatMap(handler -> handler.onCartonClosed(closed)).then();
    }

    static CartonClosed closed(CartonView carton) {
        return new CartonClosed(carton.id(), carton.merchantId(), carton.nodeId(), carton.orderId(), carton.orderNumber(), carton.cartonNumber(),
                carton.boxTypeCode(), carton.lengthMm(), carton.widthMm(), carton.heightMm(), carton.weightGrams(), carton.packerName(),
                carton.lines().stream().map(line -> new CartonClosed.Line(line.lineNo(), line.variantId(), line.sku(), line.lotKey(), line.quantity()))
                        .toList());
    }
}
