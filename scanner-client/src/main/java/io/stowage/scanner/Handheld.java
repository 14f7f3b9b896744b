package io.stowage.scanner;

import io.stowage.scanner.console.Input;
import io.stowage.scanner.console.Key;
import io.stowage.scanner.flow.Floor;
import io.stowage.scanner.flow.Flow;
import io.stowage.scanner.flow.Next;
import io.stowage.scanner.flow.WorkerSession;
import io.stowage.scanner.login.LoginFlow;
import io.stowage.scanner.queue.QueueFlow;
import io.stowage.scanner.screen.Frame;
import io.stowage.scanner.screen.Notice;
import io.stowage.scanner.screen.Screen;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The device: a stack of flows (log in, then the menu, then a task), the frame to show, and the
 * status line. Terminals and scripts feed it inputs and draw its frames; it never lets an
 * exception reach the screen (the details go to the device's log).
 */
public final class Handheld {

    private final Floor floor;
    private final Consumer<Throwable> log;
    private final Deque<Flow> flows = new ArrayDeque<>();
    private Optional<Notice> notice = Optional.empty();
    private boolean bell;
    private int refusedSeen;

    public Handheld(Floor floor, Consumer<Throwable> log) {
        this.floor = floor;
        this.log = log;
        this.flows.push(new LoginFlow(floor));
        this.refusedSeen = floor.outbox().refused();
    }

    public Floor floor() {
        return floor;
    }

    /** What to draw now. */
    public Frame frame() {
        Screen screen;
        try {
            screen = flows.peek().screen();
        } catch (RuntimeException e) {
            log.accept(e);
            screen = Screen.of("ERROR", "Esc to go back", List.of("This screen failed: " + e.getClass().getSimpleName()), "Esc back");
        }
        return new Frame(screen, notice, status(), bell);
    }

    /** Whether what is typed now is secret (a PIN), so terminals and scripts mask it. */
    public boolean secretInput() {
        return frame().screen().secret();
    }

    public void handle(Input input) {
        notice = Optional.empty();
        bell = false;
        sendWaiting();
        if (input.is(Key.QUEUE) && floor.session().isPresent() && !(flows.peek() instanceof QueueFlow)) {
            flows.push(new QueueFlow(floor));
            return;
        }
        Next next;
        try {
            next = flows.peek().on(input);
        } catch (RuntimeException e) {
            log.accept(e);
            next = Next.wrong("Something went wrong on the device (" + e.getClass().getSimpleName() + "); nothing was lost. Try again");
        }
        apply(next);
        noticeNewRefusals();
    }

    /**
     * An input that never reached a flow because it could not be read (an image without a usable
     * barcode): a wrong scan, said clearly with the bell, and the flow stays where it was.
     */
    public void reject(String message) {
        notice = Optional.of(Notice.error(message));
        bell = true;
    }

    /** Sends what waits; called on every input and by a terminal's timer between inputs. True when the status changed. */
    public boolean tick() {
        String before = status();
        sendWaiting();
        boolean refusals = noticeNewRefusals();
        return refusals || !before.equals(status());
    }

    private void sendWaiting() {
        try {
            floor.courier().flush();
        } catch (RuntimeException e) {
            log.accept(e);
        }
    }

    /** A confirmation refused after the fact rings the bell and says where to look. */
    private boolean noticeNewRefusals() {
        int refused = floor.outbox().refused();
        boolean fresh = refused > refusedSeen;
        refusedSeen = refused;
        if (fresh) {
            bell = true;
            if (notice.isEmpty()) {
                notice = Optional.of(Notice.error(refused + " confirmation(s) refused by the service: F5 to see"));
            }
        }
        return fresh;
    }

    private void apply(Next next) {
        if (next instanceof Next.Stay stay) {
            notice = stay.notice();
            bell = stay.bell();
        } else if (next instanceof Next.Open open) {
            flows.push(open.flow());
            notice = open.notice();
        } else if (next instanceof Next.Close close) {
            if (flows.size() > 1) {
                flows.pop();
            }
            notice = close.notice();
        } else if (next instanceof Next.Replace replace) {
            flows.pop();
            flows.push(replace.flow());
            notice = replace.notice();
        } else if (next instanceof Next.Logout) {
            logout();
        }
    }

    private void logout() {
        Optional<WorkerSession> session = floor.session();
        String message = "Logged out";
        if (session.isPresent()) {
            boolean queued = floor.outbox().pending().stream().anyMatch(c -> c.badge().equals(session.get().badge()));
            if (queued) {
                // The waiting confirmations are sent with this session; ending it at the service would strand them.
                message = "Logged out here; your session stays open until your waiting scans are sent";
            } else {
                floor.api().delete("/auth/worker-sessions/current", session.get().token());
            }
        }
        floor.loggedOut();
        flows.clear();
        flows.push(new LoginFlow(floor));
        notice = Optional.of(Notice.info(message));
    }

    private String status() {
        List<String> parts = new ArrayList<>();
        parts.add(floor.api().online() ? "online" : "OFFLINE");
        int waiting = floor.outbox().waiting();
        if (waiting > 0) {
            parts.add(waiting + " to send");
        }
        int refused = floor.outbox().refused();
        if (refused > 0) {
            parts.add(refused + " REFUSED");
        }
        floor.session().ifPresent(s -> parts.add(s.badge()));
        return String.join(" ", parts);
    }
}
