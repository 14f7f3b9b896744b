package io.stowage.scanner.pick;

import io.stowage.scanner.console.Input;
import io.stowage.scanner.console.Key;
import io.stowage.scanner.flow.Floor;
import io.stowage.scanner.flow.Flow;
import io.stowage.scanner.flow.Next;
import io.stowage.scanner.flow.Scans;
import io.stowage.scanner.offline.Delivery;
import io.stowage.scanner.screen.Screen;
import io.stowage.scanner.service.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picking a batch: the next batch from the service (in route order), then for each task "Go to",
 * scan the location, scan the item (each scan counts one, or type the count), scan the order's
 * tote, and the confirmation goes to the service. F2 confirms fewer units (a short pick: the
 * service re-allocates and re-routes), F3 leaves a task for the end of the walk.
 *
 * <p>Offline the worker goes on with the batch in hand: each confirmation waits on the device and
 * the screen says the list is as of when it was read. When everything is sent the batch is read
 * again, so tasks a short pick added, and the service's new route, show up.
 */
public final class PickFlow implements Flow {

    private enum Step { LOCATION, ITEM, TOTE }

    private final Floor floor;
    private final List<PickTask> tasks = new ArrayList<>();
    /** SKU to the lines that tell the picker what the item looks like (name; size, colour), read with the batch. */
    private final Map<String, List<String>> described = new HashMap<>();
    private int batchSize;
    private String readAt;
    private boolean loaded;
    private String loadProblem = "";
    private Step step = Step.LOCATION;
    private Scans.Item item;
    private int counted;
    /** The worker just confirmed the last task of a batch (the service then has no batch in hand for them). */
    private boolean batchFinished;

    public PickFlow(Floor floor) {
        this.floor = floor;
        load();
    }

    /** Reads the batch in hand (or claims the next one). Only called when nothing waits to be sent, so the list is the service's. */
    private void load() {
        Answer answer = floor.get("/pick-tasks/next");
        tasks.clear();
        resetStep();
        if (answer instanceof Answer.Ok ok) {
            loaded = true;
            loadProblem = "";
            readAt = floor.timeOfDay();
            if (ok.status() == 204 || ok.body() == null) {
                batchSize = 0;
                return;
            }
            JsonNode all = ok.body().path("tasks");
            describe(ok.body().path("id").asString(""));
            batchSize = all.size();
            for (JsonNode task : all) {
                if ("open".equals(task.path("status").asString())) {
                    tasks.add(PickTask.of(task));
                }
            }
            return;
        }
        loaded = false;
        loadProblem = answer instanceof Answer.Refused ? answer.explain() : "The pick list needs the service. " + answer.explain();
    }

    /** The batch's items as the catalog describes them; without an answer the screens show the SKU alone. */
    private void describe(String batchId) {
        if (batchId.isBlank()) {
            return;
        }
        Answer answer = floor.get("/pick-batches/" + batchId + "/items");
        if (!(answer instanceof Answer.Ok ok)) {
            return;
        }
        described.clear();
        for (JsonNode item : ok.body()) {
            List<String> lines = new ArrayList<>();
            lines.add(item.path("name").asString(item.path("sku").asString()));
            List<String> attributes = new ArrayList<>();
            item.path("attributes").properties().forEach(entry -> attributes.add(entry.getKey() + " " + entry.getValue().asString()));
            if (!attributes.isEmpty()) {
                lines.add(String.join(", ", attributes));
            }
            described.put(item.path("sku").asString(), lines);
        }
    }

    private List<String> description(PickTask task) {
        return described.getOrDefault(task.sku(), List.of());
    }

    private void resetStep() {
        step = Step.LOCATION;
        item = null;
        counted = 0;
    }

    private boolean offline() {
        return floor.outbox().waiting() > 0 || !floor.api().online();
    }

    @Override
    public Screen screen() {
        if (!loaded) {
            return Screen.of("PICK", "No pick list", List.of(loadProblem), "Enter retry  Esc menu");
        }
        if (tasks.isEmpty()) {
            if (floor.outbox().waiting() > 0) {
                return Screen.of("PICK", "Batch done on device", List.of(floor.outbox().waiting() + " to send before the next batch",
                        "Take the totes to the pack station"), "Enter next batch  Esc menu");
            }
            boolean done = batchFinished || batchSize > 0;
            return Screen.of("PICK", done ? "Batch done" : "Nothing to pick",
                    List.of(done ? "Take the totes to the pack station" : "No batch is ready for you"),
                    "Enter next batch  Esc menu");
        }
        PickTask task = tasks.get(0);
        String title = "PICK " + (batchSize - tasks.size() + 1) + "/" + batchSize;
        List<String> context = new ArrayList<>();
        String keys;
        String instruction;
        switch (step) {
            case LOCATION -> {
                instruction = "Go to " + task.locationCode();
                context.add(task.product());
                context.add("Qty " + task.quantity() + "  Tote " + task.tote());
                context.addAll(description(task));
                keys = "F3 skip  Esc menu";
            }
            case ITEM -> {
                instruction = counted == 0 ? "Scan item" : "Qty " + counted + " of " + task.quantity();
                context.add(task.product());
                context.addAll(description(task));
                context.add("Take " + task.quantity() + " for tote " + task.tote());
                context.add("At " + task.locationCode());
                keys = "F2 short  F3 skip  Esc back";
            }
            default -> {
                instruction = "Scan tote " + task.tote();
                context.add(counted + " of " + task.quantity() + " " + task.sku());
                keys = "Esc back";
            }
        }
        if (offline()) {
            context.add("List as of " + readAt + ": offline");
        }
        return Screen.of(title, instruction, context, keys);
    }

    @Override
    public Next on(Input input) {
        if (!loaded || tasks.isEmpty()) {
            if (input.is(Key.BACK)) {
                return Next.close();
            }
            if (input.is(Key.ENTER)) {
                // The next batch is read only once the device has sent its picks, so the list is the service's.
                Optional<Next> unsent = floor.sendWaiting();
                if (unsent.isPresent()) {
                    return unsent.get();
                }
                batchFinished = false;
                load();
                return loaded ? Next.stay() : Next.wrong(loadProblem);
            }
            return Next.wrong("Enter for the next batch, Esc for the menu");
        }
        PickTask task = tasks.get(0);
        if (input.is(Key.SKIP)) {
            if (tasks.size() == 1) {
                return Next.wrong("This is the last task: pick it or short it (F2)");
            }
            tasks.remove(0);
            tasks.add(task);
            resetStep();
            return Next.info("Skipped: " + task.locationCode() + " comes last");
        }
        return switch (step) {
            case LOCATION -> atLocation(task, input);
            case ITEM -> atItem(task, input);
            case TOTE -> atTote(task, input);
        };
    }

    private Next atLocation(PickTask task, Input input) {
        if (input.is(Key.BACK)) {
            return Next.close();
        }
        Optional<String> wrong = Scans.wrongLocation(input, task.locationCode());
        if (wrong.isPresent()) {
            return Next.wrong(wrong.get());
        }
        step = Step.ITEM;
        return Next.stay();
    }

    private Next atItem(PickTask task, Input input) {
        if (input.is(Key.BACK)) {
            resetStep();
            return Next.stay();
        }
        if (input.is(Key.SHORT)) {
            if (counted == 0) {
                return confirm(task, 0);
            }
            step = Step.TOTE;
            return Next.info("Short: " + counted + " of " + task.quantity());
        }
        Optional<Integer> typed = Scans.quantity(input);
        if (typed.isPresent() && Scans.item(input, Optional.of(task.sku())).isEmpty()) {
            if (item == null) {
                return Next.wrong("Scan the item first, then type the count");
            }
            if (typed.get() > task.quantity()) {
                return Next.wrong("Only " + task.quantity() + " wanted here; leave the rest");
            }
            if (typed.get() == 0) {
                return Next.wrong("0 units: press F2 for a short pick");
            }
            counted = typed.get();
            if (counted == task.quantity()) {
                step = Step.TOTE;
            }
            return Next.stay();
        }
        Optional<Scans.Item> scanned = Scans.item(input, Optional.of(task.sku()));
        if (scanned.isEmpty()) {
            return Next.wrong(Scans.notA("item " + task.sku(), input));
        }
        if (item != null && !item.sameAs(scanned.get())) {
            return Next.wrong("Another item: this task is " + task.product());
        }
        if (counted >= task.quantity()) {
            return Next.wrong("Already " + counted + ": scan tote " + task.tote());
        }
        item = scanned.get();
        counted++;
        if (counted == task.quantity()) {
            step = Step.TOTE;
        }
        return Next.stay();
    }

    private Next atTote(PickTask task, Input input) {
        if (input.is(Key.BACK)) {
            step = Step.ITEM;
            return Next.stay();
        }
        Optional<Integer> tote = Scans.tote(input);
        if (tote.isEmpty()) {
            return Next.wrong(Scans.notA("tote " + task.tote(), input));
        }
        if (tote.get() != task.tote()) {
            return Next.wrong("Tote " + tote.get() + " is another order's: use tote " + task.tote());
        }
        return confirm(task, counted);
    }

    private Next confirm(PickTask task, int quantity) {
        ObjectNode body = floor.newBody();
        body.put("location_code", task.locationCode());
        if (item != null) {
            item.writeTo(body, false);
        } else {
            body.put("sku", task.sku());
        }
        body.put("quantity", quantity);
        body.put("tote", task.tote());
        String summary = "Pick " + task.sku() + " x" + quantity + (quantity < task.quantity() ? " (short)" : "")
                + " tote " + task.tote() + " at " + task.locationCode();
        Delivery delivery = floor.confirm("/pick-tasks/" + task.id() + "/confirm", body, summary);
        if (delivery instanceof Delivery.Refused refused) {
            String type = refused.problem().type();
            if ("wrong-location".equals(type)) {
                resetStep();
            } else if ("task-already-confirmed".equals(type) || "not-your-batch".equals(type)) {
                load();
            } else {
                step = Step.ITEM;
                item = null;
                counted = 0;
            }
            return Next.wrong(refused.problem().detail());
        }
        tasks.remove(0);
        resetStep();
        batchFinished = tasks.isEmpty();
        if (delivery instanceof Delivery.Done done) {
            String picked = "Picked " + quantity + " " + task.sku();
            int added = done.answer().path("added_tasks").size();
            if (floor.outbox().waiting() == 0) {
                load();
                batchFinished = batchFinished && tasks.isEmpty();
            }
            return Next.info(added > 0 ? picked + "; rest from " + added + " other place(s)" : picked);
        }
        Delivery.Queued queued = (Delivery.Queued) delivery;
        return Next.info("Saved on device, " + queued.waiting() + " to send");
    }
}
