package io.stowage.scanner.queue;

import io.stowage.scanner.console.Input;
import io.stowage.scanner.console.Key;
import io.stowage.scanner.flow.Floor;
import io.stowage.scanner.flow.Flow;
import io.stowage.scanner.flow.Next;
import io.stowage.scanner.offline.Confirmation;
import io.stowage.scanner.offline.Refusal;
import io.stowage.scanner.screen.Screen;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The device's queue: what waits to be sent, and each confirmation the service refused after the
 * fact, shown one at a time until the worker has seen to it (Enter). A resolved refusal is kept on
 * the device, never deleted.
 */
public final class QueueFlow implements Flow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final Floor floor;

    public QueueFlow(Floor floor) {
        this.floor = floor;
    }

    @Override
    public Screen screen() {
        List<Refusal> refusals = floor.outbox().refusals();
        if (!refusals.isEmpty()) {
            Refusal first = refusals.get(0);
            return Screen.of("REFUSED 1/" + refusals.size(), first.confirmation().summary(),
                    List.of("Service said: " + first.problem().detail(),
                            "Scanned " + TIME.format(first.confirmation().queuedAt()) + " by " + first.confirmation().badge(),
                            "Redo it or tell a supervisor"),
                    "Enter seen  Esc back");
        }
        List<Confirmation> pending = floor.outbox().pending();
        List<String> lines = new ArrayList<>();
        String why = floor.courier().stoppedBecause();
        if (!pending.isEmpty() && !why.isBlank()) {
            lines.add("Waiting: " + why);
        }
        pending.stream().limit(6).forEach(c -> lines.add(c.sequence() + " " + c.summary()));
        String instruction = pending.isEmpty() ? "Nothing waiting" : pending.size() + " waiting to send";
        return Screen.of("QUEUE", instruction, lines, pending.isEmpty() ? "Esc back" : "Enter send now  Esc back");
    }

    @Override
    public Next on(Input input) {
        if (input.is(Key.BACK)) {
            return Next.close();
        }
        List<Refusal> refusals = floor.outbox().refusals();
        if (!refusals.isEmpty() && input.is(Key.ENTER)) {
            floor.outbox().resolve(refusals.get(0));
            return Next.info("Marked as seen");
        }
        if (input.is(Key.ENTER)) {
            return floor.sendWaiting().orElseGet(() -> Next.info("All sent"));
        }
        return Next.wrong("Enter or Esc");
    }
}
