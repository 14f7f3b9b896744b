package io.stowage.scanner.menu;

import io.stowage.scanner.count.CountFlow;
import io.stowage.scanner.load.LoadFlow;
import io.stowage.scanner.flow.WorkerSession;
import io.stowage.scanner.movetask.MoveTaskFlow;
import io.stowage.scanner.movetask.MoveTaskKind;
import io.stowage.scanner.pack.PackFlow;
import io.stowage.scanner.pick.PickFlow;
import io.stowage.scanner.putaway.PutawayFlow;
import io.stowage.scanner.receive.ReceiveFlow;
import io.stowage.scanner.returns.ReturnsFlow;

import java.util.List;

/**
 * The work the service offers workers, with the roles its routes accept.
 */
public final class TaskCatalog {

    private static final List<String> ANY = List.of("picker", "packer", "receiver", "supervisor");

    public static final List<MenuTask> TASKS = List.of(
            new MenuTask("Receive", List.of("receiver", "supervisor"), ReceiveFlow::new),
            new MenuTask("Put away", List.of("receiver", "supervisor"), floor -> new PutawayFlow(floor)),
            new MenuTask("Pick", List.of("picker"), PickFlow::new),
            new MenuTask("Replenish", List.of("picker", "receiver", "supervisor"), floor -> new MoveTaskFlow(floor, MoveTaskKind.REPLENISHMENT)),
            new MenuTask("Put back", List.of("picker", "packer", "receiver", "supervisor"), floor -> new MoveTaskFlow(floor, MoveTaskKind.PUT_BACK)),
            new MenuTask("Pack", List.of("packer"), PackFlow::new),
            new MenuTask("Load", List.of("packer", "supervisor"), LoadFlow::new),
            new MenuTask("Returns", List.of("returns", "supervisor"), ReturnsFlow::new),
            new MenuTask("Count", ANY, CountFlow::new));

    private TaskCatalog() {
    }

    /** The tasks this worker's roles allow, in menu order. */
    public static List<MenuTask> forWorker(WorkerSession session) {
        return TASKS.stream().filter(task -> session.hasAny(task.roles())).toList();
    }
}
