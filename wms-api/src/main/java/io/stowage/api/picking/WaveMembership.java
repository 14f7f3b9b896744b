package io.stowage.api.picking;

import io.stowage.api.orders.OrdersInWaves;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Which orders a wave has taken: an open wave plans or picks them, so their allocations are the floor's to change. */
@Service
class WaveMembership implements OrdersInWaves {

    private final DatabaseClient db;

    WaveMembership(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Set<UUID>> inOpenWaves(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        return db.sql("SELECT order_id FROM wave_orders WHERE order_id = ANY(:orders) AND open")
                .bind("orders", orderIds.toArray(UUID[]::new))
                .map(row -> row.get("order_id", UUID.class))
                .all().collect(Collectors.toSet());
    }
}
