package io.stowage.api.orders;

import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolAcquirePendingLimitException;
import reactor.pool.PoolBuilder;

/**
 * Lets a few orders through intake at once; the others wait their turn, first come first served.
 * <p>
 * Why: when every order that arrived is in progress at once, the service's CPU and PostgreSQL's
 * are shared among all of them, so each order takes as long as the whole crowd (a large one
 * longer still), and their transactions stay open longer. Taking a few at a time in arrival order
 * gives every order about the same wait, which is what the slowest orders gain, and keeps the
 * transactions short. An order that cannot even queue (the queue is full) is refused at once, with
 * 503 and {@code Retry-After}, before anything is read or written. Each instance has its own gate.
 */
@Component
class IntakeGate {

    private final InstrumentedPool<Object> tickets;

    IntakeGate(@Value("${stowage.orders.intake-concurrency:16}") int concurrency,
               @Value("${stowage.orders.intake-queue:2000}") int queue) {
        // A pool of tickets: reactor-pool serves waiting acquirers in arrival order and gives a
        // ticket back however the intake ends, an answer, an error or a client gone.
        this.tickets = PoolBuilder.from(Mono.just(new Object()))
                .sizeBetween(0, concurrency)
                .maxPendingAcquire(queue)
                .buildPool();
    }

    /** Runs {@code intake} once a ticket is free; with the queue full, fails with a 503 problem and sets {@code Retry-After}. */
    <T> Mono<T> admit(Mono<T> intake, ServerHttpResponse response) {
        return tickets.withPoolable(ticket -> intake).next()
                .onErrorMap(PoolAcquirePendingLimitException.class, full -> {
                    response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                    return ApiProblem.of(ProblemType.INTAKE_BUSY, "Too many orders are waiting to be taken; send this one again in a second");
                });
    }
}
