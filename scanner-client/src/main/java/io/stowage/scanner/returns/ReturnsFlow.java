package io.stowage.scanner.returns;

import io.stowage.scanner.console.Input;
import io.stowage.scanner.console.Key;
import io.stowage.scanner.flow.Floor;
import io.stowage.scanner.flow.Flow;
import io.stowage.scanner.flow.Next;
import io.stowage.scanner.flow.Scans;
import io.stowage.scanner.input.ScanKind;
import io.stowage.scanner.offline.Delivery;
import io.stowage.scanner.screen.Screen;
import io.stowage.scanner.service.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The returns station: scan the RMA (or the return label), the location the units are received at,
 * then each unit and its grade by key (1 restock, 2 refurbish, 3 quarantine, 4 dispose); Enter
 * when the parcel is empty, Enter again to send the receipt. The service checks every unit against
 * the return as one receipt (an item not in it, one too many: refused with the bell, nothing
 * written); the receipt is a confirmation through the device's queue with its Idempotency-Key.
 */
public final class ReturnsFlow implements Flow {

    private enum Step { RMA, LOCATION, ITEM, GRADE, REVIEW }

    /** The grades the service takes, in key order. */
    static final List<String> GRADES = List.of("restock", "refurbish", "quarantine", "dispose");

    private record Graded(Scans.Item item, String code, String grade) {
    }

    private final Floor floor;
    private Step step = Step.RMA;
    private JsonNode returned;
    private String location;
    private Scans.Item item;
    private String itemCode;
    private final List<Graded> graded = new ArrayList<>();

    public ReturnsFlow(Floor floor) {
        this.floor = floor;
    }

    private String rma() {
        return returned.path("rma").asString();
    }

    private int expected() {
        int units = 0;
        for (JsonNode line : returned.path("lines")) {
            units += line.path("quantity").asInt() - line.path("received").asInt();
        }
        return units;
    }

    @Override
    public Screen screen() {
        return switch (step) {
            case RMA -> Screen.of("RETURNS", "Scan RMA or label", List.of("The return's paper or its label"), "Esc menu");
            case LOCATION -> Screen.of("RETURNS " + rma(), "Scan location", lineContext(), "Esc back");
            case ITEM -> Screen.of("RETURNS " + graded.size() + "/" + expected(), graded.isEmpty() ? "Scan item" : "Scan next item",
                    lineContext(), graded.isEmpty() ? "Esc back" : "Enter done  Esc undo last");
            case GRADE -> Screen.of("GRADE " + itemCode, "Grade: key 1-4",
                    List.of("1 restock", "2 refurbish", "3 quarantine", "4 dispose"), "Esc back");
            case REVIEW -> {
                List<String> context = new ArrayList<>();
                context.add("At " + location);
                for (String grade : GRADES) {
                    long units = graded.stream().filter(g -> g.grade().equals(grade)).count();
                    if (units > 0) {
                        context.add(units + " " + grade);
                    }
                }
                if (graded.size() < expected()) {
                    context.add((expected() - graded.size()) + " of the RMA not in the parcel");
                }
                yield Screen.of("RETURNS " + rma(), "Send receipt? Enter", context, "Enter send  Esc back");
            }
        };
    }

    private List<String> lineContext() {
        List<String> context = new ArrayList<>();
        for (JsonNode line : returned.path("lines")) {
            context.add(line.path("quantity").asInt() + "x " + line.path("sku").asString() + " " + line.path("reason").asString(""));
        }
        if (!graded.isEmpty()) {
            Graded last = graded.get(graded.size() - 1);
            context.add("Last: " + last.code() + " " + last.grade());
        }
        return context;
    }

    @Override
    public Next on(Input input) {
        return switch (step) {
            case RMA -> onRma(input);
            case LOCATION -> onLocation(input);
            case ITEM -> onItem(input);
            case GRADE -> onGrade(input);
            case REVIEW -> onReview(input);
        };
    }

    private Next onRma(Input input) {
        if (input.is(Key.BACK)) {
            return Next.close();
        }
        if (!(input instanceof Input.Scanned scanned) || scanned.scan().problem().isPresent() || scanned.text().isBlank()
                || scanned.kind() == ScanKind.PRODUCT_GTIN || scanned.kind() == ScanKind.LOCATION) {
            return Next.wrong(Scans.notA("the RMA or the return label", input));
        }
        String code = scanned.kind() == ScanKind.UNKNOWN ? scanned.text() : scanned.scan().code();
        Answer answer = floor.get("/return-station/returns/" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8));
        if (answer instanceof Answer.Ok ok) {
            if (ok.body().hasNonNull("received_at")) {
                return Next.wrong("Return " + ok.body().path("rma").asString() + " was already received");
            }
            returned = ok.body();
            graded.clear();
            step = Step.LOCATION;
            return Next.stay();
        }
        return Next.wrong(answer instanceof Answer.Refused ? answer.explain() : "Finding the return needs the service. " + answer.explain());
    }

    private Next onLocation(Input input) {
        if (input.is(Key.BACK)) {
            step = Step.RMA;
            return Next.stay();
        }
        Optional<String> scanned = Scans.location(input);
        if (scanned.isEmpty()) {
            return Next.wrong(Scans.notA("the location the units go to", input));
        }
        location = scanned.get();
        step = Step.ITEM;
        return Next.stay();
    }

    private Next onItem(Input input) {
        if (input.is(Key.BACK)) {
            if (graded.isEmpty()) {
                step = Step.LOCATION;
                return Next.stay();
            }
            Graded undone = graded.remove(graded.size() - 1);
            return Next.info("Took back " + undone.code() + " " + undone.grade());
        }
        if (input.is(Key.ENTER)) {
            if (graded.isEmpty()) {
                return Next.wrong("Scan the first item of the parcel");
            }
            step = Step.REVIEW;
            return Next.stay();
        }
        Optional<Scans.Item> scanned = Optional.empty();
        for (JsonNode line : returned.path("lines")) {
            scanned = Scans.item(input, Optional.of(line.path("sku").asString()));
            if (scanned.isPresent()) {
                break;
            }
        }
        if (scanned.isEmpty()) {
            return Next.wrong(Scans.notA("an item of " + rma(), input));
        }
        item = scanned.get();
        itemCode = item.sku().orElseGet(() -> item.gtin().orElseThrow());
        step = Step.GRADE;
        return Next.stay();
    }

    private Next onGrade(Input input) {
        if (input.is(Key.BACK)) {
            step = Step.ITEM;
            return Next.stay();
        }
        Optional<Integer> key = Scans.quantity(input);
        if (key.isEmpty() || key.get() < 1 || key.get() > GRADES.size()) {
            return Next.wrong("Grade with a key: 1 restock, 2 refurbish, 3 quarantine, 4 dispose");
        }
        String grade = GRADES.get(key.get() - 1);
        graded.add(new Graded(item, itemCode, grade));
        step = Step.ITEM;
        return Next.info(itemCode + ": " + grade);
    }

    private Next onReview(Input input) {
        if (input.is(Key.BACK)) {
            step = Step.ITEM;
            return Next.stay();
        }
        if (!input.is(Key.ENTER)) {
            return Next.wrong("Enter to send the receipt, Esc back");
        }
        ObjectNode body = floor.newBody();
        body.put("location_code", location);
        ArrayNode items = body.putArray("items");
        // Units of the same item and grade go as one entry, in the order they were first scanned.
        List<String> seen = new ArrayList<>();
        for (Graded g : graded) {
            String key = g.code().toUpperCase(Locale.ROOT) + "|" + g.grade();
            if (seen.contains(key)) {
                continue;
            }
            seen.add(key);
            long units = graded.stream().filter(o -> (o.code().toUpperCase(Locale.ROOT) + "|" + o.grade()).equals(key)).count();
            items.addObject().put("item", g.code()).put("quantity", (int) units).put("grade", g.grade());
        }
        String summary = "Return " + rma() + ": " + graded.size() + " unit(s) at " + location;
        Delivery delivery = floor.confirm("/returns/" + returned.path("id").asString() + "/receipt", body, summary);
        if (delivery instanceof Delivery.Refused refused) {
            step = Step.ITEM;
            return Next.wrong(refused.problem().detail());
        }
        String rma = rma();
        returned = null;
        graded.clear();
        step = Step.RMA;
        return Next.info(delivery instanceof Delivery.Done ? "Received " + rma : "Saved on device, " + floor.outbox().waiting() + " to send");
    }
}
