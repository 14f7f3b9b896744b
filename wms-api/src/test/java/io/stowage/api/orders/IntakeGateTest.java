package io.stowage.api.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.problem.ApiProblem;
import io.stowage.api.problem.ProblemType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** The intake's admission queue: a few at a time, the rest in arrival order, a full queue refused, every ticket given back. */
class IntakeGateTest {

    /** An intake the test ends when it wants; {@code started} says whether the gate let it begin. */
    private static final class Intake {
        final Sinks.One<String> end = Sinks.one();
        boolean started;
        String answer;
        Throwable error;

        Mono<String> work() {
            return Mono.defer(() -> {
                started = true;
                return end.asMono();
            });
        }

        Disposable sendThrough(IntakeGate gate, MockServerHttpResponse response) {
            return gate.admit(work(), response).subscribe(value -> answer = value, failure -> error = failure);
        }
    }

    private static List<Intake> send(IntakeGate gate, int count) {
        List<Intake> intakes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Intake intake = new Intake();
            intake.sendThrough(gate, new MockServerHttpResponse());
            intakes.add(intake);
        }
        return intakes;
    }

    @Test
    void takesAsManyAsItsConcurrencyAndTheRestInArrivalOrder() {
        IntakeGate gate = new IntakeGate(2, 10);
        List<Intake> intakes = send(gate, 5);
        assertThat(intakes).extracting(i -> i.started).containsExactly(true, true, false, false, false);

        intakes.get(1).end.tryEmitValue("second");
        assertThat(intakes.get(1).answer).isEqualTo("second");
        assertThat(intakes).extracting(i -> i.started).containsExactly(true, true, true, false, false);

        intakes.get(0).end.tryEmitValue("first");
        assertThat(intakes).extracting(i -> i.started).containsExactly(true, true, true, true, false);
    }

    @Test
    void refusesAnOrderThatCannotQueueWithServiceBusyAndRetryAfter() {
        IntakeGate gate = new IntakeGate(1, 1);
        List<Intake> admitted = send(gate, 2);
        Intake third = new Intake();
        MockServerHttpResponse response = new MockServerHttpResponse();
        third.sendThrough(gate, response);

        assertThat(admitted).extracting(i -> i.started).containsExactly(true, false);
        assertThat(third.started).isFalse();
        assertThat(third.error).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.problemType()).isEqualTo(ProblemType.INTAKE_BUSY));
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");

        admitted.get(0).end.tryEmitValue("done");
        assertThat(admitted.get(1).started).isTrue();
    }

    @Test
    void givesTheTicketBackWhenAnIntakeFailsOrItsClientGoesAway() {
        IntakeGate gate = new IntakeGate(1, 10);
        Intake failing = new Intake();
        failing.sendThrough(gate, new MockServerHttpResponse());
        Intake abandoned = new Intake();
        Disposable client = abandoned.sendThrough(gate, new MockServerHttpResponse());
        Intake last = new Intake();
        last.sendThrough(gate, new MockServerHttpResponse());

        failing.end.tryEmitError(new IllegalStateException("the database went away"));
        assertThat(failing.error).hasMessage("the database went away");
        assertThat(abandoned.started).isTrue();

        client.dispose();
        assertThat(last.started).isTrue();
    }

    @Test
    void forgetsAQueuedOrderWhoseClientWentAway() {
        IntakeGate gate = new IntakeGate(1, 10);
        Intake running = new Intake();
        running.sendThrough(gate, new MockServerHttpResponse());
        Intake gone = new Intake();
        gone.sendThrough(gate, new MockServerHttpResponse()).dispose();
        Intake next = new Intake();
        next.sendThrough(gate, new MockServerHttpResponse());

        running.end.tryEmitValue("done");
        assertThat(gone.started).isFalse();
        assertThat(next.started).isTrue();
    }
}
