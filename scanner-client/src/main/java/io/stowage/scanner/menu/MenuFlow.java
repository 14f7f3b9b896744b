package io.stowage.scanner.menu;

import io.stowage.scanner.console.Input;
import io.stowage.scanner.console.Key;
import io.stowage.scanner.flow.Floor;
import io.stowage.scanner.flow.Flow;
import io.stowage.scanner.flow.Next;
import io.stowage.scanner.queue.QueueFlow;
import io.stowage.scanner.screen.Screen;

import java.util.ArrayList;
import java.util.List;

/** The worker's tasks by role, chosen by number; F5 shows the queue, F10 logs out. */
public final class MenuFlow implements Flow {

    private final Floor floor;

    public MenuFlow(Floor floor) {
        this.floor = floor;
    }

    private List<MenuTask> tasks() {
        return floor.session().map(TaskCatalog::forWorker).orElse(List.of());
    }

    @Override
    public Screen screen() {
        List<String> lines = new ArrayList<>();
        List<MenuTask> tasks = tasks();
        for (int i = 0; i < tasks.size(); i++) {
            lines.add((i + 1) + " " + tasks.get(i).label());
        }
        int waiting = floor.outbox().waiting();
        int refused = floor.outbox().refused();
        lines.add("0 Queue: " + waiting + " to send" + (refused > 0 ? ", " + refused + " refused" : ""));
        String name = floor.session().map(s -> s.name()).orElse("");
        return Screen.of("MENU " + name, "Choose a task", lines, "F10 log out");
    }

    @Override
    public Next on(Input input) {
        if (input.is(Key.LOGOUT)) {
            return new Next.Logout();
        }
        if (input.is(Key.QUEUE)) {
            return Next.open(new QueueFlow(floor));
        }
        if (input instanceof Input.Scanned scanned && scanned.text().matches("\\d")) {
            int choice = Integer.parseInt(scanned.text());
            if (choice == 0) {
                return Next.open(new QueueFlow(floor));
            }
            List<MenuTask> tasks = tasks();
            if (choice >= 1 && choice <= tasks.size()) {
                return Next.open(tasks.get(choice - 1).start().apply(floor));
            }
        }
        return Next.wrong("Type the number of a task, then Enter");
    }
}
