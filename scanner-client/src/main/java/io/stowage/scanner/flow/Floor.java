package io.stowage.scanner.flow;

import io.stowage.scanner.console.Input;
import io.stowage.scanner.console.Key;
import io.stowage.scanner.offline.Confirmation;
import io.stowage.scanner.offline.Courier;
import io.stowage.scanner.offline.Delivery;
import io.stowage.scanner.offline.Outbox;
import io.stowage.scanner.print.LabelPrinter;
import io.stowage.scanner.service.Answer;
import io.stowage.scanner.service.Download;
import io.stowage.scanner.service.WmsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What every flow works with: the service, the offline queue, the worker's session and the
 * device's identity. Reads go straight to the service (a screen that needs fresh data says so
 * when it cannot have it); confirmations always go through the queue.
 */
public final class Floor {

    private final WmsClient api;
    private final Outbox outbox;
    private final Courier courier;
    private final String deviceId;
    private final Clock clock;
    private final LabelPrinter labels;
    private WorkerSession session;

    public Floor(WmsClient api, Outbox outbox, String deviceId, Clock clock) {
        this(api, outbox, deviceId, clock, LabelPrinter.none());
    }

    public Floor(WmsClient api, Outbox outbox, String deviceId, Clock clock, LabelPrinter labels) {
        this.api = api;
        this.labels = labels;
        this.outbox = outbox;
        this.courier = new Courier(outbox, api);
        this.deviceId = deviceId;
        this.clock = clock;
    }

    public WmsClient api() {
        return api;
    }

    public Outbox outbox() {
        return outbox;
    }

    public Courier courier() {
        return courier;
    }

    public String deviceId() {
        return deviceId;
    }

    /** Where this device prints labels ({@code --printer}, {@code --label-dir}); flows offer "print label" when it is available. */
    public LabelPrinter labels() {
        return labels;
    }

    public Optional<WorkerSession> session() {
        return Optional.ofNullable(session);
    }

    public void loggedIn(WorkerSession session) {
        this.session = session;
        outbox.renewToken(session.badge(), session.token());
    }

    public void loggedOut() {
        this.session = null;
    }

    private WorkerSession worker() {
        if (session == null) {
            throw new IllegalStateException("No worker is logged in");
        }
        return session;
    }

    /** A read for the logged-in worker. */
    public Answer get(String path) {
        return api.get(path, worker().token());
    }

    /** A file (a label) for the logged-in worker. */
    public Download download(String path) {
        return api.download(path, worker().token());
    }

    /**
     * A confirmation: saved on the device first, with a new Idempotency-Key, then sent behind
     * whatever waits. The screen may say "done" only after this returns.
     */
    public Delivery confirm(String path, JsonNode body, String summary) {
        WorkerSession worker = worker();
        String key = deviceId + "-" + UUID.randomUUID();
        return courier.submit(key, path, body, summary, worker.badge(), worker.token());
    }

    /**
     * A confirmation that takes something back (a carton off a load): a DELETE, queued and sent like
     * any other confirmation, behind what was scanned before it.
     */
    public Delivery confirmRemoval(String path, String summary) {
        WorkerSession worker = worker();
        String key = deviceId + "-" + UUID.randomUUID();
        return courier.submit(key, Confirmation.DELETE, path, newBody(), summary, worker.badge(), worker.token());
    }

    /**
     * A confirmation whose answer the flow needs to go on (a pack session's id, a carton's): queued
     * and sent like any other. When it could not be sent at once, {@link #awaitAnswer} asks for it again
     * with the same key once the queue has been sent, and the service replays its first answer.
     */
    public Awaited confirmAwaited(String path, JsonNode body, String summary) {
        WorkerSession worker = worker();
        String key = deviceId + "-" + UUID.randomUUID();
        return new Awaited(key, path, body, courier.submit(key, path, body, summary, worker.badge(), worker.token()));
    }

    /**
     * The step a flow takes before it goes on with the service's answers: whatever waits on the device
     * is sent first. Answers the screen's reply while something still waits ("Still 2 to send: why"),
     * empty once nothing waits.
     */
    public Optional<Next> sendWaiting() {
        courier.flush();
        int waiting = outbox.waiting();
        return waiting == 0 ? Optional.empty() : Optional.of(Next.wrong("Still " + waiting + " to send: " + courier.stoppedBecause()));
    }

    /**
     * The "Waiting for service" step of a flow whose next step needs a confirmation's answer: Enter
     * sends what waits ({@link #sendWaiting}), then asks for the answer again with the confirmation's
     * key (a replay, never a second application), and the flow goes on with it; Esc, or the service's
     * refusal, takes the flow back ({@code backOff}) while the confirmation stays queued or is shown refused.
     */
    public Next awaitAnswer(Input input, Awaited awaited, Function<JsonNode, Next> proceed, Runnable backOff) {
        if (input.is(Key.BACK)) {
            backOff.run();
            return Next.info("It stays queued; the service applies it when it is sent");
        }
        if (!input.is(Key.ENTER)) {
            return Next.wrong("Enter to try again");
        }
        Optional<Next> unsent = sendWaiting();
        if (unsent.isPresent()) {
            return unsent.get();
        }
        Answer answer = api.post(awaited.path(), awaited.body(), Optional.of(awaited.key()), Optional.of(worker().token()));
        if (answer instanceof Answer.Ok ok) {
            return proceed.apply(ok.body());
        }
        if (answer instanceof Answer.Refused refused) {
            backOff.run();
            return Next.wrong(refused.problem().detail());
        }
        return Next.wrong(answer.explain());
    }

    /** A confirmation sent with its key, and what became of it when it was first sent. */
    public record Awaited(String key, String path, JsonNode body, Delivery delivery) {
    }

    public ObjectNode newBody() {
        return WmsClient.JSON.createObjectNode();
    }

    /** The time of day on the device, for "as of 07:41" on data read earlier. */
    public String timeOfDay() {
        return LocalTime.now(clock.withZone(ZoneId.systemDefault())).format(DateTimeFormatter.ofPattern("HH:mm"));
    }
}
