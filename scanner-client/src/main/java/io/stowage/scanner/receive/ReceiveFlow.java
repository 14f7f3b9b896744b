package io.stowage.scanner.receive;

import io.stowage.scanner.console.Input;
import io.stowage.scanner.console.Key;
import io.stowage.scanner.flow.Floor;
import io.stowage.scanner.flow.Flow;
import io.stowage.scanner.flow.Next;
import io.stowage.scanner.flow.Scans;
import io.stowage.scanner.flow.Tally;
import io.stowage.scanner.input.ScanKind;
import io.stowage.scanner.offline.Delivery;
import io.stowage.scanner.putaway.PutawayFlow;
import io.stowage.scanner.screen.Screen;
import io.stowage.scanner.service.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Receiving at the dock, against an ASN (chosen from what this warehouse expects) or blind: scan
 * the dock location, then the item (a GS1-128 or GS1 DataMatrix label gives GTIN, lot and expiry
 * in one scan), count, Enter. The service books the receipt and suggests where to put it; Enter
 * then goes straight to putting it away. Scanning a carton's or pallet's SSCC (GS1 AI 00) instead of
 * choosing asks the service which expected ASN's lines it holds: the screen then shows those lines,
 * or says the SSCC is on no ASN here (choose the ASN, or receive blind).
 */
public final class ReceiveFlow implements Flow {

    private enum Step { MODE, ASN, DOCK, ITEM }

    private record Expected(String id, String reference, List<String> lines) {
    }

    private final Floor floor;
    private final Tally tally = new Tally();
    private Step step = Step.MODE;
    private final List<Expected> asns = new ArrayList<>();
    private String asnsReadAt;
    private Expected asn;
    private String dock;
    /** The SSCC of the carton or pallet being received, when one was scanned; the lines shown are the ones it holds. */
    private String sscc;
    private Optional<Handover> lastReceipt = Optional.empty();

    /** What was just received, for putting it away next. */
    private record Handover(Scans.Item item, int quantity, Optional<String> suggestion) {
    }

    public ReceiveFlow(Floor floor) {
        this.floor = floor;
    }

    @Override
    public Screen screen() {
        return switch (step) {
            case MODE -> Screen.of("RECEIVE", "ASN or blind?", List.of("1 Against an ASN", "2 Blind (no ASN)",
                    "Or scan a carton's or pallet's SSCC"), "Esc menu");
            case ASN -> {
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < asns.size() && i < 9; i++) {
                    lines.add((i + 1) + " " + asns.get(i).reference());
                }
                lines.add("Expected as of " + asnsReadAt);
                yield Screen.of("RECEIVE", asns.isEmpty() ? "No ASN expected" : "Choose the ASN", lines, "Esc back");
            }
            case DOCK -> Screen.of(title(), "Scan dock location", List.of("Where the goods stand now"), "Esc back");
            case ITEM -> {
                List<String> context = new ArrayList<>();
                context.add("At " + dock);
                if (sscc != null) {
                    context.add("SSCC " + sscc);
                }
                if (asn != null) {
                    context.addAll(asn.lines());
                    context.add("ASN as of " + asnsReadAt);
                }
                String keys = lastReceipt.isPresent() && tally.item().isEmpty() ? "Enter put away  Esc back" : "Esc back";
                if (tally.item().isEmpty()) {
                    yield Screen.of(title(), "Scan item", context, keys);
                }
                context.add(0, tally.item().get().label());
                yield Screen.of(title(), "Qty " + tally.count() + ": scan more or type, Enter", context, "Esc cancel item");
            }
        };
    }

    private String title() {
        return asn == null ? "RECEIVE BLIND" : "RECEIVE " + asn.reference();
    }

    @Override
    public Next on(Input input) {
        return switch (step) {
            case MODE -> onMode(input);
            case ASN -> onAsn(input);
            case DOCK -> onDock(input);
            case ITEM -> onItem(input);
        };
    }

    private Next onMode(Input input) {
        if (input.is(Key.BACK)) {
            return Next.close();
        }
        if (isSscc(input)) {
            return onSscc(input);
        }
        if (input instanceof Input.Scanned scanned && scanned.scan().problem().isPresent()) {
            return Next.wrong(Scans.notA("1, 2 or an SSCC", input));
        }
        Optional<Integer> choice = Scans.quantity(input);
        if (choice.isPresent() && choice.get() == 2) {
            asn = null;
            sscc = null;
            step = Step.DOCK;
            return Next.stay();
        }
        if (choice.isPresent() && choice.get() == 1) {
            String problem = readAsns();
            if (!problem.isEmpty()) {
                return Next.wrong(problem);
            }
            step = Step.ASN;
            return Next.stay();
        }
        return Next.wrong("Type 1 or 2, then Enter");
    }

    /** The open and part-received ASNs of this warehouse; empty string when read, else why not. */
    private String readAsns() {
        asns.clear();
        for (String status : List.of("open", "receiving")) {
            Answer answer = floor.get("/inbound/asns?status=" + status + "&limit=50");
            if (!(answer instanceof Answer.Ok ok)) {
                asns.clear();
                return "The ASN list needs the service. " + answer.explain();
            }
            for (JsonNode item : ok.body().path("items")) {
                asns.add(expected(item));
            }
        }
        asnsReadAt = floor.timeOfDay();
        return "";
    }

    private Next onAsn(Input input) {
        if (input.is(Key.BACK)) {
            step = Step.MODE;
            return Next.stay();
        }
        if (isSscc(input)) {
            return onSscc(input);
        }
        Optional<Integer> choice = Scans.quantity(input);
        if (choice.isPresent() && choice.get() >= 1 && choice.get() <= Math.min(9, asns.size())) {
            asn = asns.get(choice.get() - 1);
            sscc = null;
            step = Step.DOCK;
            return Next.stay();
        }
        return Next.wrong(asns.isEmpty() ? "Nothing expected: Esc, then receive blind" : "Type the number of the ASN, then Enter");
    }

    private Next onDock(Input input) {
        if (input.is(Key.BACK)) {
            step = Step.MODE;
            return Next.stay();
        }
        if (isSscc(input)) {
            return onSscc(input);
        }
        Optional<String> location = Scans.location(input);
        if (location.isEmpty()) {
            return Next.wrong(Scans.notA("the dock location", input));
        }
        dock = location.get();
        step = Step.ITEM;
        return Next.stay();
    }

    private Next onItem(Input input) {
        if (input.is(Key.BACK)) {
            if (tally.item().isPresent()) {
                tally.reset();
                return Next.info("Item cancelled, nothing received");
            }
            step = Step.DOCK;
            return Next.stay();
        }
        if (tally.item().isEmpty() && isSscc(input)) {
            return onSscc(input);
        }
        if (input.is(Key.ENTER) && tally.item().isEmpty() && lastReceipt.isPresent()) {
            Handover handover = lastReceipt.get();
            lastReceipt = Optional.empty();
            return Next.open(new PutawayFlow(floor, dock, handover.item(), handover.quantity(), handover.suggestion()));
        }
        return switch (tally.on(input, Optional.empty(), "the item's label")) {
            case REFUSED -> Next.wrong(tally.refusal());
            case COUNTED -> Next.stay();
            case ACCEPTED -> receive();
        };
    }

    private Next receive() {
        Scans.Item item = tally.item().orElseThrow();
        int quantity = tally.count();
        ObjectNode body = floor.newBody();
        if (asn != null) {
            body.put("asn_id", asn.id());
        }
        item.writeTo(body, true);
        body.put("quantity", quantity);
        body.put("location_code", dock);
        String summary = "Receive " + item.label() + " x" + quantity + " at " + dock + (asn == null ? "" : " ASN " + asn.reference());
        Delivery delivery = floor.confirm("/receipts", body, summary);
        if (delivery instanceof Delivery.Refused refused) {
            tally.reset();
            return Next.wrong(refused.problem().detail());
        }
        tally.reset();
        if (delivery instanceof Delivery.Done done) {
            JsonNode answer = done.answer();
            Optional<String> suggestion = answer.path("suggested_putaway").hasNonNull("location_code")
                    ? Optional.of(answer.path("suggested_putaway").path("location_code").asString()) : Optional.empty();
            lastReceipt = Optional.of(new Handover(item, quantity, suggestion));
            JsonNode progress = answer.path("asn");
            String onAsn = progress.isObject() ? " (" + progress.path("received_quantity").asInt() + "/" + progress.path("expected_quantity").asInt()
                    + (progress.path("over_received").asBoolean() ? ", MORE than expected" : "") + ")" : "";
            if (asn != null && floor.outbox().waiting() == 0) {
                refreshAsn();
            }
            return Next.info("Received " + quantity + " " + answer.path("sku").asString(item.label()) + onAsn
                    + suggestion.map(s -> ". Put away to " + s).orElse(""));
        }
        lastReceipt = Optional.of(new Handover(item, quantity, Optional.empty()));
        return Next.info("Saved on device, " + ((Delivery.Queued) delivery).waiting() + " to send");
    }

    private static boolean isSscc(Input input) {
        return input instanceof Input.Scanned scanned && scanned.kind() == ScanKind.SSCC;
    }

    /** A carton's or pallet's SSCC: the expected ASN lines it holds, as the service finds them, or why there are none. */
    private Next onSscc(Input input) {
        String scanned = ((Input.Scanned) input).scan().code();
        Answer answer = floor.get("/inbound/ssccs/" + scanned);
        if (answer instanceof Answer.Refused refused) {
            return Next.wrong(refused.problem().detail() + ": choose the ASN or receive blind");
        }
        if (!(answer instanceof Answer.Ok ok)) {
            return Next.wrong("Finding the SSCC needs the service. " + answer.explain());
        }
        JsonNode found = ok.body().path("asns");
        asn = expected(found.path(0));
        asnsReadAt = floor.timeOfDay();
        sscc = scanned;
        step = dock == null ? Step.DOCK : Step.ITEM;
        String also = found.size() > 1 ? "; also on " + (found.size() - 1) + " other ASN(s)" : "";
        return Next.info("SSCC on ASN " + asn.reference() + ", " + asn.lines().size() + " line(s)" + also);
    }

    private static Expected expected(JsonNode item) {
        List<String> lines = new ArrayList<>();
        for (JsonNode line : item.path("lines")) {
            lines.add(line.path("sku").asString() + " " + line.path("received_quantity").asInt() + "/" + line.path("expected_quantity").asInt());
        }
        return new Expected(item.path("id").asString(), item.path("reference").asString(), lines);
    }

    private void refreshAsn() {
        if (sscc != null) {
            // The lines this carton holds, not the whole notice's.
            if (floor.get("/inbound/ssccs/" + sscc) instanceof Answer.Ok ok) {
                for (JsonNode found : ok.body().path("asns")) {
                    if (found.path("id").asString().equals(asn.id())) {
                        asn = expected(found);
                        asnsReadAt = floor.timeOfDay();
                    }
                }
            }
            return;
        }
        String reference = asn.reference();
        if (readAsns().isEmpty()) {
            asns.stream().filter(a -> a.reference().equals(reference)).findFirst().ifPresent(fresh -> asn = fresh);
        }
    }
}
