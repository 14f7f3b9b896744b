package io.stowage.api.picking;

import io.r2dbc.spi.Readable;
import io.stowage.api.network.LocationRef;
import io.stowage.api.network.Network;
import io.stowage.picking.PickingException;
import io.stowage.picking.layout.WarehouseLayout;
import io.stowage.picking.routing.PickRouter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Puts a batch's open tasks back in walking order after a short pick added tasks to it, so that the
 * picker's next task is the next stop on the way rather than a detour left for the end. The route
 * comes from the node's {@link FloorPlan} and the optimizer's {@link PickRouter}: the shortest onward
 * walk from the shelf where the picker stands through the open stops to the depot (exact for the
 * few stops a batch has left). Runs in the short pick's transaction, with the batch row locked.
 */
@Component
class BatchRerouting {

    private static final Logger log = LoggerFactory.getLogger(BatchRerouting.class);

    private final DatabaseClient db;
    private final Network network;

    BatchRerouting(DatabaseClient db, Network network) {
        this.db = db;
        this.network = network;
    }

    /** An open task of the batch, in its current place. */
    record OpenTask(UUID id, int sequence, UUID locationId, String locationCode, int tote) {

        static OpenTask of(Readable row) {
            return new OpenTask(row.get("id", UUID.class), row.get("sequence", Integer.class), row.get("location_id", UUID.class), null,
                    row.get("tote", Integer.class));
        }

        OpenTask at(String code) {
            return new OpenTask(id, sequence, locationId, code, tote);
        }
    }

    /** Re-sequences the open tasks of the batch along the walk from {@code standingAt}; tasks done or cancelled keep their place. */
    Mono<Void> reroute(UUID nodeId, UUID batchId, String standingAt) {
        return db.sql("""
                        SELECT t.id, t.sequence, t.tote, t.location_id FROM pick_tasks t
                        WHERE t.batch_id = :batch AND t.status = 'open'
                        ORDER BY t.sequence
                        """)
                .bind("batch", batchId).map(OpenTask::of).all().collectList()
                .filter(open -> open.size() > 1)
                .flatMap(open -> network.locations(nodeId).collectList()
                        // Building the floor's distance matrix and routing are CPU work: never on the event loop.
                        .flatMap(locations -> Mono.fromCallable(() -> walkingOrder(locations, standingAt, withCodes(open, locations)))
                                .subscribeOn(Schedulers.boundedElastic()))
                        .flatMap(order -> order.isPresent() && !order.get().equals(open.stream().map(OpenTask::id).toList())
                                ? renumber(batchId, open, order.get()) : Mono.<Void>empty()));
    }

    /** The tasks with their locations' codes, from the node's locations (a task's location is always the node's). */
    private static List<OpenTask> withCodes(List<OpenTask> open, List<LocationRef> locations) {
        Map<UUID, String> codes = new HashMap<>();
        locations.forEach(location -> codes.put(location.id(), location.code()));
        return open.stream().map(task -> task.at(codes.get(task.locationId()))).toList();
    }

    /**
     * The open tasks' ids in walking order: by the route's stops, then tote, then their former place.
     * Empty when the floor cannot be routed (a task's location no longer active): the batch then keeps
     * its order, since a detour is better than refusing the picker's scan.
     */
    static Optional<List<UUID>> walkingOrder(List<LocationRef> locations, String standingAt, List<OpenTask> open) {
        try {
            WarehouseLayout layout = FloorPlan.of(locations).orElseThrow(() -> new PickingException("the node has no pick locations")).layout();
            List<String> stops = PickRouter.routeOnward(layout, standingAt, open.stream().map(OpenTask::locationCode).distinct().toList()).stops();
            Map<String, Integer> stopIndex = new HashMap<>();
            for (int i = 0; i < stops.size(); i++) {
                stopIndex.put(stops.get(i), i);
            }
            return Optional.of(open.stream()
                    .sorted(Comparator.<OpenTask>comparingInt(task -> stopIndex.get(task.locationCode()))
                            .thenComparingInt(OpenTask::tote).thenComparingInt(OpenTask::sequence))
                    .map(OpenTask::id).toList());
        } catch (PickingException e) {
            log.warn("Cannot re-route the open tasks from {}: {}", standingAt, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The open tasks take the places they held, in the new order. Moving them above the batch's
     * last place first keeps the batch's sequence unique row by row while they trade places.
     */
    private Mono<Void> renumber(UUID batchId, List<OpenTask> open, List<UUID> order) {
        Integer[] places = open.stream().map(OpenTask::sequence).sorted().toArray(Integer[]::new);
        UUID[] ids = order.toArray(UUID[]::new);
        return db.sql("""
                        UPDATE pick_tasks SET sequence = sequence + (SELECT max(sequence) FROM pick_tasks WHERE batch_id = :batch)
                        WHERE batch_id = :batch AND id = ANY(:ids)
                        """)
                .bind("batch", batchId).bind("ids", ids)
                .then()
                .then(db.sql("""
                                UPDATE pick_tasks t SET sequence = o.place
                                FROM unnest(CAST(:ids AS uuid[]), CAST(:places AS integer[])) AS o(id, place)
                                WHERE t.id = o.id AND t.batch_id = :batch
                                """)
                        .bind("ids", ids).bind("places", places).bind("batch", batchId)
                        .then());
    }
}
