package io.stowage.scanner.load;

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
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loading at the dock: scan the dock door, choose the carrier's load (the open one, or a new one for
 * a carrier without), scan each carton's SSCC onto it (the service refuses another carrier's carton,
 * a voided or unlabelled one, one already loaded, with the bell), F2 and a scan take a carton off
 * again (one loaded by mistake, or that does not fit), and close the load: what is on it ships and
 * the screen shows the manifest number. Each scan, each carton taken off and the close are
 * confirmations through the device's queue with their own Idempotency-Key, sent in the order made.
 */
public final class LoadFlow implements Flow {

    private enum Step { DOCK, CHOOSE, SCAN, UNLOAD, CLOSE, CLOSED, WAIT }

    private final Floor floor;
    private Step step = Step.DOCK;
    private String dock;
    /** Carrier to its open load's parcels (null for a carrier without an open load), in menu order. */
    private final Map<String, Integer> choices = new TreeMap<>();
    private List<String> menu = List.of();
    private String choiceProblem = "";
    private String loadId;
    private String carrier;
    private int parcels;
    private int notLoaded = -1;
    private String manifest;
    private Floor.Awaited awaited;
    private Step beforeWait;

    public LoadFlow(Floor floor) {
        this.floor = floor;
    }

    @Override
    public Screen screen() {
        return switch (step) {
            case DOCK -> Screen.of("LOAD", "Scan dock door", List.of("Where the trailer stands"), "Esc menu");
            case CHOOSE -> {
                List<String> context = new ArrayList<>();
                if (!choiceProblem.isBlank()) {
                    context.add(choiceProblem);
                }
                for (int i = 0; i < menu.size(); i++) {
                    Integer open = choices.get(menu.get(i));
                    context.add((i + 1) + " " + menu.get(i) + (open == null ? " new" : " " + open + " parcels"));
                }
                yield Screen.of("LOAD " + dock, "Choose carrier", context, "Number  Esc back");
            }
            case SCAN -> {
                List<String> context = new ArrayList<>();
                context.add(carrier + ": " + parcels + " parcels");
                if (notLoaded >= 0) {
                    context.add(notLoaded + " labelled not loaded");
                }
                if (floor.outbox().waiting() > 0) {
                    context.add("Counts as of the last answer");
                }
                yield Screen.of("LOAD " + carrier, "Scan carton SSCC", context, "Enter close load  F2 take off  Esc back");
            }
            case UNLOAD -> Screen.of("LOAD " + carrier, "Scan carton to take off", List.of(carrier + ": " + parcels + " parcels",
                    "It stays labelled for the next load"), "Esc back to loading");
            case CLOSE -> Screen.of("LOAD " + carrier, "Close load? Enter", List.of(parcels + " parcels on it",
                    notLoaded > 0 ? notLoaded + " labelled ones stay" : "They ship now"), "Enter close  Esc back");
            case CLOSED -> Screen.of("LOAD " + carrier, "Load closed", List.of("Manifest " + manifest, parcels + " parcels shipped"), "Enter menu");
            case WAIT -> Screen.of("LOAD", "Waiting for service", List.of(floor.outbox().waiting() + " to send",
                    "Saved on device; the next step needs the service's answer"), "Enter retry  Esc back");
        };
    }

    @Override
    public Next on(Input input) {
        return switch (step) {
            case DOCK -> onDock(input);
            case CHOOSE -> onChoose(input);
            case SCAN -> onScan(input);
            case UNLOAD -> onUnload(input);
            case CLOSE -> onClose(input);
            case CLOSED -> input.is(Key.ENTER) || input.is(Key.BACK) ? Next.close("Load closed: manifest " + manifest) : Next.wrong("Enter for the menu");
            case WAIT -> onWait(input);
        };
    }

    private Next onDock(Input input) {
        if (input.is(Key.BACK)) {
            return Next.close();
        }
        Optional<String> location = Scans.location(input);
        if (location.isEmpty()) {
            return Next.wrong(Scans.notA("the dock door", input));
        }
        dock = location.get();
        readChoices();
        step = Step.CHOOSE;
        return Next.stay();
    }

    private static final String SANDBOX = "sandbox";

    /** The node's open loads and the carriers the service knows, for a new load. */
    private void readChoices() {
        choices.clear();
        choiceProblem = "";
        Answer carriers = floor.get("/carrier-services?limit=200");
        if (carriers instanceof Answer.Ok ok) {
            for (JsonNode service : ok.body().path("items")) {
                String code = service.path("code").asString("");
                choices.put(code.contains("/") ? code.substring(0, code.indexOf('/')) : code, null);
            }
        }
        // The sandbox carrier is built into the service rather than read from a rate card, so the
        // service list never names it; the demo's cartons leave with it.
        choices.putIfAbsent(SANDBOX, null);
        Answer loads = floor.get("/loads?status=open&limit=50");
        if (loads instanceof Answer.Ok ok) {
            for (JsonNode load : ok.body().path("items")) {
                choices.put(load.path("carrier").asString(), load.path("parcels").asInt());
            }
        } else {
            choiceProblem = "Loads need the service: " + loads.explain();
        }
        // Open loads first, then the other carriers, each group by name.
        Set<String> ordered = new LinkedHashSet<>();
        choices.forEach((code, open) -> {
            if (open != null) {
                ordered.add(code);
            }
        });
        ordered.addAll(choices.keySet());
        menu = List.copyOf(ordered);
    }

    private Next onChoose(Input input) {
        if (input.is(Key.BACK)) {
            step = Step.DOCK;
            return Next.stay();
        }
        if (input.is(Key.ENTER)) {
            readChoices();
            return Next.stay();
        }
        Optional<Integer> choice = Scans.quantity(input);
        if (choice.isEmpty() || choice.get() < 1 || choice.get() > menu.size()) {
            return Next.wrong(menu.isEmpty() ? "No carriers known: Enter to read again" : "Type a number, 1 to " + menu.size());
        }
        carrier = menu.get(choice.get() - 1);
        ObjectNode body = floor.newBody();
        body.put("carrier", carrier);
        body.put("dock_code", dock);
        return answered(floor.confirmAwaited("/loads", body, "Open " + carrier + " load at " + dock), Step.CHOOSE);
    }

    private Next answered(Floor.Awaited sent, Step back) {
        if (sent.delivery() instanceof Delivery.Done done) {
            return proceed(done.answer());
        }
        if (sent.delivery() instanceof Delivery.Refused refused) {
            step = back;
            return Next.wrong(refused.problem().detail());
        }
        awaited = sent;
        beforeWait = back;
        step = Step.WAIT;
        return Next.info("Saved on device, " + floor.outbox().waiting() + " to send");
    }

    private Next proceed(JsonNode answer) {
        awaited = null;
        if ("closed".equals(answer.path("status").asString())) {
            manifest = answer.path("manifest_number").asString();
            parcels = answer.path("parcels").asInt();
            step = Step.CLOSED;
            return Next.info("Shipped: " + parcels + " parcels");
        }
        loadId = answer.path("id").asString();
        carrier = answer.path("carrier").asString(carrier);
        readLoad(answer);
        step = Step.SCAN;
        return Next.stay();
    }

    private void readLoad(JsonNode load) {
        parcels = load.path("parcels").asInt();
        notLoaded = load.has("not_loaded") ? load.path("not_loaded").size() : -1;
    }

    private Next onScan(Input input) {
        if (input.is(Key.BACK)) {
            readChoices();
            step = Step.CHOOSE;
            return Next.info("The " + carrier + " load stays open");
        }
        if (input.is(Key.ENTER)) {
            if (floor.outbox().waiting() == 0 && floor.get("/loads/" + loadId) instanceof Answer.Ok ok) {
                readLoad(ok.body());
            }
            step = Step.CLOSE;
            return Next.stay();
        }
        if (input.is(Key.SHORT)) {
            step = Step.UNLOAD;
            return Next.stay();
        }
        Optional<String> scannedSscc = sscc(input);
        if (scannedSscc.isEmpty()) {
            return Next.wrong(Scans.notA("a carton's SSCC", input));
        }
        String sscc = scannedSscc.get();
        ObjectNode body = floor.newBody();
        body.put("sscc", sscc);
        Delivery delivery = floor.confirm("/loads/" + loadId + "/cartons", body, "Load " + sscc + " on " + carrier);
        if (delivery instanceof Delivery.Refused refused) {
            return Next.wrong(refused.problem().detail());
        }
        if (delivery instanceof Delivery.Done done) {
            parcels = done.answer().path("parcels").asInt(parcels + 1);
            if (notLoaded > 0) {
                notLoaded--;
            }
            return Next.info("Loaded " + sscc);
        }
        parcels++;
        return Next.info("Saved on device, " + floor.outbox().waiting() + " to send");
    }

    private Next onUnload(Input input) {
        if (input.is(Key.BACK)) {
            step = Step.SCAN;
            return Next.stay();
        }
        Optional<String> scanned = sscc(input);
        if (scanned.isEmpty()) {
            return Next.wrong(Scans.notA("a carton's SSCC", input));
        }
        String sscc = scanned.get();
        Delivery delivery = floor.confirmRemoval("/loads/" + loadId + "/cartons/" + sscc, "Take " + sscc + " off " + carrier);
        if (delivery instanceof Delivery.Refused refused) {
            return Next.wrong(refused.problem().detail());
        }
        step = Step.SCAN;
        if (delivery instanceof Delivery.Done) {
            // The service answers a carton taken off with no body: the load as it stands now gives the counts.
            if (floor.get("/loads/" + loadId) instanceof Answer.Ok ok) {
                readLoad(ok.body());
            } else {
                parcels--;
            }
            return Next.info("Took " + sscc + " off");
        }
        parcels--;
        return Next.info("Saved on device, " + floor.outbox().waiting() + " to send");
    }

    private static Optional<String> sscc(Input input) {
        return input instanceof Input.Scanned scanned && scanned.kind() == ScanKind.SSCC ? Optional.of(scanned.scan().code()) : Optional.empty();
    }

    private Next onClose(Input input) {
        if (input.is(Key.BACK)) {
            step = Step.SCAN;
            return Next.stay();
        }
        if (!input.is(Key.ENTER)) {
            return Next.wrong("Enter to close the load, Esc back");
        }
        return answered(floor.confirmAwaited("/loads/" + loadId + "/close", floor.newBody(), "Close " + carrier + " load, " + parcels + " parcels"),
                Step.SCAN);
    }

    private Next onWait(Input input) {
        return floor.awaitAnswer(input, awaited, this::proceed, () -> {
            step = beforeWait;
            awaited = null;
        });
    }
}
