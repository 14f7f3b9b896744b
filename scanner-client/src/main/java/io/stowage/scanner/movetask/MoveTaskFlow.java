package io.stowage.scanner.movetask;

import io.stowage.scanner.console.Input;
import io.stowage.scanner.console.Key;
import io.stowage.scanner.flow.Floor;
import io.stowage.scanner.flow.Flow;
import io.stowage.scanner.flow.Next;
import io.stowage.scanner.flow.Scans;
import io.stowage.scanner.flow.Tally;
import io.stowage.scanner.offline.Delivery;
import io.stowage.scanner.screen.Screen;
import io.stowage.scanner.service.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A replenishment or a put-back, task by task: go to the source and scan it, scan and count the
 * item, go to the destination and scan it. Fewer units than the task asks is confirmed with F2
 * (the service writes off what the books still show and, for a replenishment, adds a task for the rest).
 */
public final class MoveTaskFlow implements Flow {

    private enum Step { FROM, ITEM, TO }

    private record MoveTask(String id, String sku, String lotNumber, String from, String to, int quantity) {
        static MoveTask of(JsonNode node) {
            return new MoveTask(node.path("id").asString(), node.path("sku").asString(),
                    node.hasNonNull("lot_number") ? node.path("lot_number").asString() : null,
                    node.path("from_location_code").asString(), node.path("to_location_code").asString(), node.path("quantity").asInt());
        }

        String product() {
            return sku + (lotNumber == null ? "" : " lot " + lotNumber);
        }
    }

    private final Floor floor;
    private final MoveTaskKind kind;
    private final List<MoveTask> tasks = new ArrayList<>();
    private final Tally tally = new Tally();
    private boolean loaded;
    private String loadProblem = "";
    private String readAt;
    private Step step = Step.FROM;
    private boolean shortConfirmed;

    public MoveTaskFlow(Floor floor, MoveTaskKind kind) {
        this.floor = floor;
        this.kind = kind;
        load();
    }

    private void load() {
        tasks.clear();
        reset();
        Answer answer = floor.get(kind.path() + "?status=open&limit=50");
        if (answer instanceof Answer.Ok ok) {
            loaded = true;
            readAt = floor.timeOfDay();
            ok.body().path("items").forEach(task -> tasks.add(MoveTask.of(task)));
            return;
        }
        loaded = false;
        loadProblem = answer instanceof Answer.Refused ? answer.explain() : "The task list needs the service. " + answer.explain();
    }

    private void reset() {
        step = Step.FROM;
        tally.reset();
        shortConfirmed = false;
    }

    @Override
    public Screen screen() {
        if (!loaded) {
            return Screen.of(kind.title(), "No task list", List.of(loadProblem), "Enter retry  Esc menu");
        }
        if (tasks.isEmpty()) {
            return Screen.of(kind.title(), "No open tasks", List.of("Checked " + readAt), "Enter check again  Esc menu");
        }
        MoveTask task = tasks.get(0);
        List<String> context = new ArrayList<>();
        context.add(task.product());
        String instruction;
        String keys = "Esc back";
        switch (step) {
            case FROM -> {
                instruction = "Go to " + task.from();
                context.add("Take " + task.quantity() + " to " + task.to());
                keys = "F3 skip  Esc menu";
            }
            case ITEM -> {
                instruction = tally.count() == 0 ? "Scan item" : "Qty " + tally.count() + " of " + task.quantity();
                context.add("From " + task.from());
                keys = "Enter done  F2 short  Esc back";
            }
            default -> {
                instruction = "Go to " + task.to();
                context.add(tally.count() + " of " + task.quantity());
            }
        }
        if (floor.outbox().waiting() > 0 || !floor.api().online()) {
            context.add("List as of " + readAt + ": offline");
        }
        return Screen.of(kind.title() + " " + tasks.size() + " open", instruction, context, keys);
    }

    @Override
    public Next on(Input input) {
        if (!loaded || tasks.isEmpty()) {
            if (input.is(Key.BACK)) {
                return Next.close();
            }
            if (input.is(Key.ENTER)) {
                load();
                return loaded ? Next.stay() : Next.wrong(loadProblem);
            }
            return Next.wrong("Enter to check again, Esc for the menu");
        }
        MoveTask task = tasks.get(0);
        return switch (step) {
            case FROM -> onFrom(task, input);
            case ITEM -> onItem(task, input);
            case TO -> onTo(task, input);
        };
    }

    private Next onFrom(MoveTask task, Input input) {
        if (input.is(Key.BACK)) {
            return Next.close();
        }
        if (input.is(Key.SKIP) && tasks.size() > 1) {
            tasks.add(tasks.remove(0));
            return Next.info("Skipped: comes last");
        }
        Optional<String> wrong = Scans.wrongLocation(input, task.from());
        if (wrong.isPresent()) {
            return Next.wrong(wrong.get());
        }
        step = Step.ITEM;
        return Next.stay();
    }

    private Next onItem(MoveTask task, Input input) {
        if (input.is(Key.BACK)) {
            reset();
            return Next.stay();
        }
        if (input.is(Key.SHORT)) {
            shortConfirmed = true;
            step = Step.TO;
            return Next.info("Short: " + tally.count() + " of " + task.quantity());
        }
        int before = tally.count();
        return switch (tally.on(input, Optional.of(task.sku()), "item " + task.sku())) {
            case REFUSED -> Next.wrong(tally.refusal());
            case COUNTED -> {
                if (tally.count() > task.quantity()) {
                    // Refused, so the count stays what it was: a wrong input never advances the step.
                    tally.start(tally.item().orElseThrow(), before);
                    yield Next.wrong("Only " + task.quantity() + " wanted: leave the rest");
                }
                if (tally.count() == task.quantity()) {
                    step = Step.TO;
                }
                yield Next.stay();
            }
            case ACCEPTED -> {
                if (tally.count() < task.quantity()) {
                    yield Next.wrong("Fewer than " + task.quantity() + ": press F2 to confirm short");
                }
                step = Step.TO;
                yield Next.stay();
            }
        };
    }

    private Next onTo(MoveTask task, Input input) {
        if (input.is(Key.BACK)) {
            step = Step.ITEM;
            shortConfirmed = false;
            return Next.stay();
        }
        Optional<String> wrong = Scans.wrongLocation(input, task.to());
        if (wrong.isPresent()) {
            return Next.wrong(wrong.get());
        }
        ObjectNode body = floor.newBody();
        body.put("from_location_code", task.from());
        Optional<Scans.Item> item = tally.item();
        if (item.isPresent()) {
            item.get().writeTo(body, false);
        } else {
            body.put("sku", task.sku());
        }
        body.put("to_location_code", task.to());
        body.put("quantity", tally.count());
        String summary = kind.verb() + " " + task.sku() + " x" + tally.count() + (shortConfirmed ? " (short)" : "") + " " + task.from() + ">" + task.to();
        Delivery delivery = floor.confirm(kind.path() + "/" + task.id() + "/confirm", body, summary);
        if (delivery instanceof Delivery.Refused refused) {
            reset();
            return Next.wrong(refused.problem().detail());
        }
        tasks.remove(0);
        reset();
        if (delivery instanceof Delivery.Done) {
            if (floor.outbox().waiting() == 0) {
                load();
            }
            return Next.info("Done: " + summary);
        }
        return Next.info("Saved on device, " + ((Delivery.Queued) delivery).waiting() + " to send");
    }
}
