package io.stowage.scanner.count;

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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A blind cycle count: choose an open count task, go to its location and scan it, then scan every
 * unit there (or scan one and type how many), Enter, and Enter again to send. The screen never
 * shows what the books expect; the supervisor sees the variance.
 */
public final class CountFlow implements Flow {

    private enum Step { CHOOSE, LOCATION, COUNT, REVIEW }

    private record CountTask(String id, String location) {
    }

    private static final class Counted {
        final Scans.Item item;
        int quantity;

        Counted(Scans.Item item) {
            this.item = item;
        }
    }

    private final Floor floor;
    private final List<CountTask> open = new ArrayList<>();
    private final List<Counted> counted = new ArrayList<>();
    private String readAt;
    private String loadProblem = "";
    private CountTask task;
    private Step step = Step.CHOOSE;

    public CountFlow(Floor floor) {
        this.floor = floor;
        load();
    }

    private void load() {
        open.clear();
        Answer answer = floor.get("/count-tasks?status=open&limit=50");
        if (answer instanceof Answer.Ok ok) {
            loadProblem = "";
            readAt = floor.timeOfDay();
            for (JsonNode item : ok.body().path("items")) {
                open.add(new CountTask(item.path("id").asString(), item.path("location_code").asString()));
            }
        } else {
            loadProblem = answer instanceof Answer.Refused ? answer.explain() : "The count list needs the service. " + answer.explain();
        }
    }

    @Override
    public Screen screen() {
        return switch (step) {
            case CHOOSE -> {
                if (!loadProblem.isEmpty()) {
                    yield Screen.of("COUNT", "No count list", List.of(loadProblem), "Enter retry  Esc menu");
                }
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < open.size() && i < 9; i++) {
                    lines.add((i + 1) + " " + open.get(i).location());
                }
                lines.add("Open as of " + readAt);
                yield Screen.of("COUNT", open.isEmpty() ? "No counts open" : "Choose a location", lines,
                        open.isEmpty() ? "Enter check again  Esc menu" : "Esc menu");
            }
            case LOCATION -> Screen.of("COUNT", "Go to " + task.location(), List.of("Scan the location to start"), "Esc back");
            case COUNT -> {
                List<String> lines = new ArrayList<>();
                counted.forEach(c -> lines.add(c.quantity + " x " + c.item.label()));
                yield Screen.of("COUNT " + task.location(), counted.isEmpty() ? "Scan every item" : "Scan next, or Enter",
                        lines, "Enter done  Esc restart");
            }
            case REVIEW -> {
                List<String> lines = new ArrayList<>();
                counted.forEach(c -> lines.add(c.quantity + " x " + c.item.label()));
                if (counted.isEmpty()) {
                    lines.add("Nothing counted: the location is empty");
                }
                yield Screen.of("COUNT " + task.location(), "Enter to send count", lines, "Esc count more");
            }
        };
    }

    @Override
    public Next on(Input input) {
        return switch (step) {
            case CHOOSE -> onChoose(input);
            case LOCATION -> onLocation(input);
            case COUNT -> onCount(input);
            case REVIEW -> onReview(input);
        };
    }

    private Next onChoose(Input input) {
        if (input.is(Key.BACK)) {
            return Next.close();
        }
        if (input.is(Key.ENTER)) {
            load();
            return loadProblem.isEmpty() ? Next.stay() : Next.wrong(loadProblem);
        }
        Optional<Integer> choice = Scans.quantity(input);
        if (choice.isPresent() && choice.get() >= 1 && choice.get() <= Math.min(9, open.size())) {
            task = open.get(choice.get() - 1);
            step = Step.LOCATION;
            return Next.stay();
        }
        return Next.wrong("Type the number of a location, then Enter");
    }

    private Next onLocation(Input input) {
        if (input.is(Key.BACK)) {
            step = Step.CHOOSE;
            return Next.stay();
        }
        Optional<String> wrong = Scans.wrongLocation(input, task.location());
        if (wrong.isPresent()) {
            return Next.wrong(wrong.get());
        }
        counted.clear();
        step = Step.COUNT;
        return Next.stay();
    }

    private Next onCount(Input input) {
        if (input.is(Key.BACK)) {
            counted.clear();
            return Next.info("Count cleared: start again");
        }
        if (input.is(Key.ENTER)) {
            step = Step.REVIEW;
            return Next.stay();
        }
        Optional<Scans.Item> item = Scans.item(input, Optional.empty());
        if (item.isPresent()) {
            Counted line = counted.stream().filter(c -> c.item.sameAs(item.get())).findFirst().orElseGet(() -> {
                Counted added = new Counted(item.get());
                counted.add(added);
                return added;
            });
            line.quantity++;
            return Next.stay();
        }
        Optional<Integer> typed = Scans.quantity(input);
        if (typed.isPresent()) {
            if (counted.isEmpty()) {
                return Next.wrong("Scan an item first, then type how many");
            }
            counted.get(counted.size() - 1).quantity = typed.get();
            return Next.stay();
        }
        return Next.wrong(Scans.notA("an item", input));
    }

    private Next onReview(Input input) {
        if (input.is(Key.BACK)) {
            step = Step.COUNT;
            return Next.stay();
        }
        if (!input.is(Key.ENTER)) {
            return Next.wrong("Enter to send, Esc to count more");
        }
        ObjectNode body = floor.newBody();
        ArrayNode lines = body.putArray("lines");
        counted.forEach(c -> {
            ObjectNode line = lines.addObject();
            c.item.writeTo(line, false);
            line.put("quantity", c.quantity);
        });
        int units = counted.stream().mapToInt(c -> c.quantity).sum();
        Delivery delivery = floor.confirm("/count-tasks/" + task.id() + "/counts", body, "Count " + task.location() + ": " + units + " units");
        if (delivery instanceof Delivery.Refused refused) {
            step = Step.COUNT;
            return Next.wrong(refused.problem().detail());
        }
        open.remove(task);
        counted.clear();
        step = Step.CHOOSE;
        if (delivery instanceof Delivery.Done) {
            if (floor.outbox().waiting() == 0) {
                load();
            }
            return Next.info("Count sent for " + task.location());
        }
        return Next.info("Saved on device, " + ((Delivery.Queued) delivery).waiting() + " to send");
    }
}
