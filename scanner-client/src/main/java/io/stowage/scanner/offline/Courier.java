package io.stowage.scanner.offline;

import io.stowage.scanner.service.Answer;
import io.stowage.scanner.service.WmsClient;
import tools.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * Sends the queue in order, oldest first, and stops at the first confirmation the service does not
 * answer (offline, a 5xx, an unreadable answer, an expired session): the rest wait behind it, so
 * the service applies them in the order they were scanned. Sending one again is always safe: its
 * Idempotency-Key makes the service replay its first answer instead of applying it twice.
 */
public final class Courier {

    private final Outbox outbox;
    private final WmsClient api;
    private volatile String stoppedBecause = "";

    public Courier(Outbox outbox, WmsClient api) {
        this.outbox = outbox;
        this.api = api;
    }

    /** Queues a POST on disk, then sends the queue; says what became of this one. */
    public Delivery submit(String idempotencyKey, String path, JsonNode body, String summary, String badge, String token) {
        return submit(idempotencyKey, Confirmation.POST, path, body, summary, badge, token);
    }

    /** Queues a confirmation on disk, then sends the queue; says what became of this one. */
    public synchronized Delivery submit(String idempotencyKey, String method, String path, JsonNode body, String summary, String badge,
                                        String token) {
        Confirmation confirmation = outbox.add(idempotencyKey, method, path, body, summary, badge, token);
        return send(Optional.of(confirmation));
    }

    /** Sends what waits; for the background retry and for each step of a scripted session. */
    public synchronized void flush() {
        if (outbox.waiting() > 0) {
            send(Optional.empty());
        }
    }

    /** Why the queue is not moving, empty when it is. */
    public String stoppedBecause() {
        return stoppedBecause;
    }

    private Delivery send(Optional<Confirmation> watched) {
        for (Confirmation next : outbox.pending()) {
            boolean mine = watched.isPresent() && watched.get().sequence() == next.sequence();
            Answer answer = Confirmation.DELETE.equals(next.method())
                    ? api.delete(next.path(), Optional.of(next.idempotencyKey()), next.token())
                    : api.post(next.path(), next.body(), Optional.of(next.idempotencyKey()), Optional.of(next.token()));
            if (answer instanceof Answer.Ok ok) {
                outbox.delivered(next);
                if (mine) {
                    stoppedBecause = "";
                    return new Delivery.Done(ok.body());
                }
                continue;
            }
            if (answer instanceof Answer.Refused refused && !refused.unauthorized() && !transientRefusal(refused)) {
                if (mine) {
                    outbox.withdrawn(next);
                    stoppedBecause = "";
                    return new Delivery.Refused(refused.problem());
                }
                outbox.refusedLater(next, refused.problem());
                continue;
            }
            stoppedBecause = answer instanceof Answer.Refused refused && refused.unauthorized()
                    ? "log in again as " + next.badge() + " to send"
                    : answer.explain();
            return new Delivery.Queued(outbox.waiting(), stoppedBecause);
        }
        stoppedBecause = "";
        return new Delivery.Queued(outbox.waiting(), "");
    }

    /** Refusals that say "not now" rather than "no": too many requests, or the same key still being worked on. */
    private static boolean transientRefusal(Answer.Refused refused) {
        int status = refused.problem().status();
        return status == 408 || status == 425 || status == 429;
    }
}
