package io.stowage.scanner.pack;

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
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Packing at a station: scan the station, then a tote (or an order number) to open a pack session;
 * per order a carton is opened and every unit scanned into it (the service checks each: a unit not
 * in the order, one too many, a wrong lot are refused with the bell); F2 declares what cannot be
 * found short; then the box (Enter for the suggestion, or scan another box to override), the weight,
 * and the carton closes: the screen shows the label's SSCC, carrier and tracking number. A packer
 * whose session is still open (opened on another device, one whose battery died) is offered to
 * continue it where it stands, the open carton with what is already in it.
 *
 * <p>Every step is a confirmation through the device's queue. Opening the session, the carton and the
 * close need the service's answer to go on: when it cannot be sent at once the screen waits, and the
 * answer is asked for again with the same Idempotency-Key (a replay, never a second session).
 */
public final class PackFlow implements Flow {

    private static final Pattern ORDER_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private enum Step { STATION, OPEN, CHOOSE_BATCH, ITEMS, SHORT, BOX, WEIGHT, LABEL, WAIT }

    /** What a confirmation the flow waits for was for. */
    private enum Awaiting { SESSION, CARTON, CLOSE }

    private record ToteBatch(String batchId, int tote, int units, int orders, String pickedBy, String at) {
    }

    /** A session of this packer still open with orders to pack, as the service listed it. */
    private record OwnSession(String id, String station, int openOrders, int tote) {
    }

    private final Floor floor;
    private Step step = Step.STATION;
    /** The packer's open sessions, read when the flow starts, that the station step offers to continue. */
    private List<OwnSession> ownSessions = List.of();
    /** Why the packer's open sessions could not be read, empty when they were. */
    private String ownSessionsProblem = "";
    private String station;
    private List<ToteBatch> batches = List.of();
    private String sessionId;
    /** The order being packed, as the session's screen last showed it (the lines' remaining counts are kept up to date offline). */
    private JsonNode order;
    private final List<Line> lines = new ArrayList<>();
    private String cartonId;
    private int cartonNumber;
    private int packedInCarton;
    private String box;
    private Floor.Awaited awaited;
    private Awaiting awaiting;
    private Step beforeWait;
    private JsonNode shipment;
    /** The carton whose label was printed on its own when it became ready; F4 prints it again. */
    private String printedCarton;

    /** One line of the order as the packer sees it; {@code remaining} counts down with each scan. */
    private static final class Line {
        final int lineNo;
        final String sku;
        final String text;
        final List<String> gtins = new ArrayList<>();
        int remaining;

        Line(JsonNode line) {
            lineNo = line.path("line_no").asInt();
            sku = line.path("sku").asString();
            String alt = line.path("alt_text").asString("");
            text = alt.isBlank() ? sku : alt;
            line.path("gtins").forEach(g -> gtins.add(g.asString()));
            remaining = line.path("remaining").asInt();
        }

        boolean matches(Scans.Item item) {
            return item.sku().map(sku::equalsIgnoreCase).orElse(false)
                    || item.gtin().map(g -> gtins.stream().anyMatch(mine -> sameGtin(mine, g))).orElse(false);
        }
    }

    public PackFlow(Floor floor) {
        this.floor = floor;
        readOwnSessions();
    }

    private void readOwnSessions() {
        Answer answer = floor.get("/pack-sessions?status=open&packer=me&limit=9");
        if (!(answer instanceof Answer.Ok ok)) {
            ownSessionsProblem = "Your open sessions: " + answer.explain();
            return;
        }
        List<OwnSession> found = new ArrayList<>();
        for (JsonNode session : ok.body().path("items")) {
            // A session whose orders are all packed or set aside has nothing left to continue.
            if (session.path("open_orders").asInt() > 0) {
                found.add(new OwnSession(session.path("id").asString(), session.path("station_code").asString(),
                        session.path("open_orders").asInt(), session.path("tote").asInt(0)));
            }
        }
        ownSessions = List.copyOf(found);
    }

    @Override
    public Screen screen() {
        return switch (step) {
            case STATION -> stationScreen();
            case OPEN -> Screen.of("PACK " + station, "Scan tote or order", List.of("A tote (T1) or the order number"), "Esc menu");
            case CHOOSE_BATCH -> chooseBatchScreen();
            case ITEMS -> itemsScreen();
            case SHORT -> shortScreen();
            case BOX -> boxScreen();
            case WEIGHT -> weightScreen();
            case LABEL -> labelScreen();
            case WAIT -> Screen.of("PACK", "Waiting for service", List.of(floor.outbox().waiting() + " to send",
                    "Saved on device; the next step needs the service's answer"), "Enter retry  Esc back");
        };
    }

    private Screen stationScreen() {
        if (ownSessions.isEmpty()) {
            List<String> context = new ArrayList<>(List.of("The bench you pack at"));
            if (!ownSessionsProblem.isBlank()) {
                context.add(ownSessionsProblem);
            }
            return Screen.of("PACK", "Scan pack station", context, "Esc menu");
        }
        List<String> context = new ArrayList<>(List.of("Or continue yours:"));
        for (int i = 0; i < ownSessions.size(); i++) {
            OwnSession own = ownSessions.get(i);
            context.add((i + 1) + " " + own.station() + (own.tote() > 0 ? " T" + own.tote() : "") + " " + own.openOrders() + " ord");
        }
        return Screen.of("PACK", "Scan pack station", context, "Number continue  Esc menu");
    }

    private Screen chooseBatchScreen() {
        List<String> context = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            ToteBatch b = batches.get(i);
            context.add((i + 1) + " " + b.at() + " " + b.units() + "u " + b.orders() + " ord " + b.pickedBy());
        }
        return Screen.of("PACK T" + batches.get(0).tote(), "Which cart?", context, "Number  Esc back");
    }

    private Screen itemsScreen() {
        int left = lines.stream().mapToInt(l -> l.remaining).sum();
        List<String> context = new ArrayList<>();
        context.add("Order " + shortId(order.path("order_id").asString()) + " carton " + cartonNumber);
        for (Line line : lines) {
            if (line.remaining > 0) {
                context.add(line.remaining + "x " + line.text);
            }
        }
        String instruction = left == 0 ? "All packed: Enter" : "Scan item (" + left + " left)";
        return Screen.of("PACK " + packedInCarton + " in carton", instruction, context,
                left == 0 ? "Enter box  Esc leave" : "F2 short  Esc leave");
    }

    private Screen shortScreen() {
        List<String> context = new ArrayList<>();
        for (Line line : lines) {
            if (line.remaining > 0) {
                context.add(line.remaining + "x " + line.text);
            }
        }
        context.add("They go back to allocation");
        return Screen.of("PACK SHORT", "Short " + lines.stream().mapToInt(l -> l.remaining).sum() + "? Enter", context, "Enter short  Esc back");
    }

    private Optional<JsonNode> suggestion() {
        for (JsonNode box : order.path("suggested_boxes")) {
            return Optional.of(box);
        }
        return Optional.empty();
    }

    private Screen boxScreen() {
        Optional<JsonNode> suggested = suggestion();
        List<String> context = new ArrayList<>();
        String keys = "Esc back";
        if (suggested.isPresent() && !suggested.get().path("box_type_code").isNull()) {
            JsonNode s = suggested.get();
            context.add("Suggested " + s.path("box_type_code").asString());
            context.add(s.path("length_mm").asInt() + "x" + s.path("width_mm").asInt() + "x" + s.path("height_mm").asInt() + " mm");
            keys = "Enter suggested  Esc back";
        } else {
            context.add("No box suggested");
        }
        context.add(packedInCarton + " unit(s) in carton " + cartonNumber);
        return Screen.of("PACK BOX", "Scan box", context, keys);
    }

    private Screen weightScreen() {
        List<String> context = new ArrayList<>();
        context.add("Box " + box);
        suggestion().filter(s -> box.equalsIgnoreCase(s.path("box_type_code").asString("")))
                .ifPresent(s -> context.add("About " + s.path("expected_weight_grams").asInt() + " g"));
        return Screen.of("PACK WEIGHT", "Type weight in g", context, "Esc back");
    }

    private Screen labelScreen() {
        List<String> context = new ArrayList<>();
        String status = shipment == null ? "" : shipment.path("status").asString("");
        if (shipment != null && "labelled".equals(status)) {
            context.add("SSCC " + shipment.path("sscc").asString());
            context.add(shipment.path("carrier").asString() + " " + shipment.path("service_code").asString(""));
            context.add("Tracking " + shipment.path("tracking_number").asString());
            context.add("Stick the label on carton " + cartonNumber);
            return Screen.of("PACK LABEL", "Carton closed", context, floor.labels().available() ? "Enter next  F4 print" : "Enter next");
        }
        context.add(shipment == null ? "The label is not known yet" : "Label " + status.replace('_', ' ')
                + (shipment.hasNonNull("failure_reason") ? ": " + shipment.path("failure_reason").asString() : ""));
        return Screen.of("PACK LABEL", "Carton closed", context, "Enter check label  F3 next");
    }

    @Override
    public Next on(Input input) {
        return switch (step) {
            case STATION -> onStation(input);
            case OPEN -> onOpen(input);
            case CHOOSE_BATCH -> onChooseBatch(input);
            case ITEMS -> onItems(input);
            case SHORT -> onShort(input);
            case BOX -> onBox(input);
            case WEIGHT -> onWeight(input);
            case LABEL -> onLabel(input);
            case WAIT -> onWait(input);
        };
    }

    private Next onStation(Input input) {
        if (input.is(Key.BACK)) {
            return Next.close();
        }
        Optional<Integer> choice = ownSessions.isEmpty() ? Optional.empty() : Scans.quantity(input);
        if (choice.isPresent()) {
            if (choice.get() < 1 || choice.get() > ownSessions.size()) {
                return Next.wrong("Type the number of your session, 1 to " + ownSessions.size());
            }
            return resume(ownSessions.get(choice.get() - 1));
        }
        Optional<String> location = Scans.location(input);
        if (location.isEmpty()) {
            return Next.wrong(Scans.notA(ownSessions.isEmpty() ? "the pack station" : "the pack station or your session's number", input));
        }
        station = location.get();
        step = Step.OPEN;
        return Next.stay();
    }

    /** Takes up the packer's session where the service has it: the next order, the open carton with its units. */
    private Next resume(OwnSession own) {
        Answer answer = floor.get("/pack-sessions/" + own.id());
        if (!(answer instanceof Answer.Ok ok)) {
            return Next.wrong("Continuing needs the service. " + answer.explain());
        }
        if (!"open".equals(ok.body().path("status").asString())) {
            readOwnSessions();
            return Next.wrong("That session was closed meanwhile");
        }
        station = own.station();
        sessionId = own.id();
        ownSessions = List.of();
        Next next = nextOrder(ok.body());
        return next instanceof Next.Stay stay && stay.notice().isEmpty() ? Next.info("Continuing at " + station) : next;
    }

    private Next onOpen(Input input) {
        if (input.is(Key.BACK)) {
            return Next.close();
        }
        if (input instanceof Input.Scanned scanned && ORDER_ID.matcher(scanned.text()).matches()) {
            ObjectNode body = floor.newBody();
            body.put("station_code", station);
            body.put("order_id", scanned.text().toLowerCase(java.util.Locale.ROOT));
            return openSession(body, "Open pack session, order " + shortId(scanned.text()));
        }
        Optional<Integer> tote = Scans.tote(input);
        if (tote.isEmpty()) {
            return Next.wrong(Scans.notA("a tote or an order number", input));
        }
        Answer answer = floor.get("/totes/" + tote.get() + "/batches");
        if (!(answer instanceof Answer.Ok ok)) {
            return Next.wrong(answer instanceof Answer.Refused ? answer.explain() : "Finding the tote needs the service. " + answer.explain());
        }
        List<ToteBatch> found = new ArrayList<>();
        for (JsonNode b : ok.body()) {
            String at = b.path("last_picked_at").asString("");
            found.add(new ToteBatch(b.path("batch_id").asString(), b.path("tote").asInt(), b.path("units").asInt(), b.path("orders").asInt(),
                    b.path("picked_by").asString(""), at.length() >= 16 ? at.substring(11, 16) : at));
        }
        if (found.isEmpty()) {
            return Next.wrong("Tote " + tote.get() + " holds nothing picked here: scan the order number");
        }
        if (found.size() == 1) {
            return openTote(found.get(0));
        }
        batches = found;
        step = Step.CHOOSE_BATCH;
        return Next.info("Tote " + tote.get() + " is on " + found.size() + " carts: choose");
    }

    private Next onChooseBatch(Input input) {
        if (input.is(Key.BACK)) {
            step = Step.OPEN;
            return Next.stay();
        }
        Optional<Integer> choice = Scans.quantity(input);
        if (choice.isEmpty() || choice.get() < 1 || choice.get() > batches.size()) {
            return Next.wrong("Type the number of the cart, 1 to " + batches.size());
        }
        return openTote(batches.get(choice.get() - 1));
    }

    private Next openTote(ToteBatch batch) {
        ObjectNode body = floor.newBody();
        body.put("station_code", station);
        body.put("batch_id", batch.batchId());
        body.put("tote", batch.tote());
        return openSession(body, "Open pack session, tote " + batch.tote());
    }

    private Next openSession(ObjectNode body, String summary) {
        Floor.Awaited sent = floor.confirmAwaited("/pack-sessions", body, summary);
        return answered(sent, Awaiting.SESSION, Step.OPEN);
    }

    /** What a confirmation whose answer the flow needs led to: go on with it, show the refusal, or wait for the service. */
    private Next answered(Floor.Awaited sent, Awaiting what, Step back) {
        if (sent.delivery() instanceof Delivery.Done done) {
            return proceed(what, done.answer());
        }
        if (sent.delivery() instanceof Delivery.Refused refused) {
            step = back;
            return Next.wrong(refused.problem().detail());
        }
        awaited = sent;
        awaiting = what;
        beforeWait = back;
        step = Step.WAIT;
        return Next.info("Saved on device, " + floor.outbox().waiting() + " to send");
    }

    private Next proceed(Awaiting what, JsonNode answer) {
        awaited = null;
        return switch (what) {
            case SESSION -> {
                sessionId = answer.path("id").asString();
                List<String> setAside = new ArrayList<>();
                answer.path("set_aside").forEach(s -> setAside.add(shortId(s.path("order_id").asString()) + " " + s.path("status").asString()));
                Next next = nextOrder(answer);
                yield setAside.isEmpty() ? next : Next.info("Set aside: " + String.join(", ", setAside));
            }
            case CARTON -> {
                cartonId = answer.path("id").asString();
                cartonNumber = answer.path("carton_number").asInt();
                packedInCarton = 0;
                step = Step.ITEMS;
                yield Next.stay();
            }
            case CLOSE -> closed(answer);
        };
    }

    /** Takes up the session's next order with something left to do, or says the session is done. */
    private Next nextOrder(JsonNode session) {
        for (JsonNode candidate : session.path("orders")) {
            JsonNode open = null;
            for (JsonNode carton : candidate.path("cartons")) {
                String status = carton.path("status").asString();
                if ("open".equals(status) || "recheck".equals(status)) {
                    open = carton;
                }
            }
            int remaining = candidate.path("remaining").asInt();
            boolean openWithUnits = open != null && open.path("lines").size() > 0;
            if (remaining == 0 && !openWithUnits) {
                continue;
            }
            order = candidate;
            lines.clear();
            candidate.path("lines").forEach(line -> lines.add(new Line(line)));
            if (open != null) {
                cartonId = open.path("id").asString();
                cartonNumber = open.path("carton_number").asInt();
                packedInCarton = 0;
                open.path("lines").forEach(l -> packedInCarton += l.path("quantity").asInt());
                if ("recheck".equals(open.path("status").asString())) {
                    box = open.path("box_type_code").asString("");
                    step = Step.WEIGHT;
                    return Next.wrong("Weight check: " + open.path("recheck_reason").asString() + ". Weigh again");
                }
                step = remaining == 0 ? Step.BOX : Step.ITEMS;
                return Next.stay();
            }
            ObjectNode body = floor.newBody();
            body.put("order_id", candidate.path("order_id").asString());
            return answered(floor.confirmAwaited("/pack-sessions/" + sessionId + "/cartons", body,
                    "Open carton, order " + shortId(candidate.path("order_id").asString())), Awaiting.CARTON, Step.OPEN);
        }
        sessionId = null;
        order = null;
        step = Step.OPEN;
        return Next.info("Nothing left to pack here: scan the next tote");
    }

    /** The session as the service shows it now, for the next order; empty when the service cannot say. */
    private Optional<JsonNode> session() {
        if (floor.outbox().waiting() > 0) {
            return Optional.empty();
        }
        return floor.get("/pack-sessions/" + sessionId) instanceof Answer.Ok ok ? Optional.of(ok.body()) : Optional.empty();
    }

    private Next onItems(Input input) {
        int left = lines.stream().mapToInt(l -> l.remaining).sum();
        if (input.is(Key.BACK)) {
            floor.confirm("/pack-sessions/" + sessionId + "/close", floor.newBody(), "Leave pack session at " + station);
            sessionId = null;
            step = Step.OPEN;
            return Next.info("Left the bench; unpacked orders can be packed in another session");
        }
        if (input.is(Key.SHORT)) {
            if (left == 0) {
                return Next.wrong("Nothing is missing: Enter for the box");
            }
            step = Step.SHORT;
            return Next.stay();
        }
        if (input.is(Key.ENTER)) {
            if (left > 0) {
                return Next.wrong(left + " still to scan, or F2 if they cannot be found");
            }
            step = Step.BOX;
            return Next.stay();
        }
        Optional<Scans.Item> item = Optional.empty();
        for (Line line : lines) {
            item = Scans.item(input, Optional.of(line.sku));
            if (item.isPresent()) {
                break;
            }
        }
        if (item.isEmpty()) {
            return Next.wrong(Scans.notA("an item of this order", input));
        }
        ObjectNode body = floor.newBody();
        item.get().writeTo(body, false);
        Delivery delivery = floor.confirm("/cartons/" + cartonId + "/units", body, "Pack " + item.get().label() + " carton " + cartonNumber);
        if (delivery instanceof Delivery.Refused refused) {
            return Next.wrong(refused.problem().detail());
        }
        packedInCarton++;
        Scans.Item scanned = item.get();
        lines.stream().filter(l -> l.remaining > 0 && l.matches(scanned)).findFirst().ifPresent(l -> l.remaining--);
        String done = delivery instanceof Delivery.Done ? "Packed " + scanned.label() : "Saved on device, " + floor.outbox().waiting() + " to send";
        if (delivery instanceof Delivery.Done answer && answer.answer().path("order_remaining").asInt(-1) == 0
                || lines.stream().allMatch(l -> l.remaining == 0)) {
            lines.forEach(l -> l.remaining = 0);
            step = Step.BOX;
        }
        return Next.info(done);
    }

    private Next onShort(Input input) {
        if (input.is(Key.BACK)) {
            step = Step.ITEMS;
            return Next.stay();
        }
        if (!input.is(Key.ENTER)) {
            return Next.wrong("Enter to declare them short, Esc back");
        }
        ObjectNode body = floor.newBody();
        var shortLines = body.putArray("lines");
        int units = 0;
        for (Line line : lines) {
            if (line.remaining > 0) {
                shortLines.addObject().put("line_no", line.lineNo).put("quantity", line.remaining);
                units += line.remaining;
            }
        }
        String orderId = order.path("order_id").asString();
        Delivery delivery = floor.confirm("/pack-sessions/" + sessionId + "/orders/" + orderId + "/short", body,
                "Short " + units + " unit(s), order " + shortId(orderId));
        if (delivery instanceof Delivery.Refused refused) {
            step = Step.ITEMS;
            return Next.wrong(refused.problem().detail());
        }
        lines.forEach(l -> l.remaining = 0);
        String said = delivery instanceof Delivery.Done ? "Short " + units + ": back to allocation" : "Saved on device, " + floor.outbox().waiting() + " to send";
        if (packedInCarton > 0) {
            step = Step.BOX;
            return Next.info(said);
        }
        Optional<JsonNode> session = session();
        if (session.isEmpty()) {
            sessionId = null;
            step = Step.OPEN;
            return Next.info(said + "; scan the next tote");
        }
        nextOrder(session.get());
        return Next.info(said);
    }

    private Next onBox(Input input) {
        if (input.is(Key.BACK)) {
            step = Step.ITEMS;
            return Next.stay();
        }
        Optional<String> suggested = suggestion().filter(s -> !s.path("box_type_code").isNull()).map(s -> s.path("box_type_code").asString());
        if (input.is(Key.ENTER)) {
            if (suggested.isEmpty()) {
                return Next.wrong("No box suggested: scan the box you use");
            }
            box = suggested.get();
            step = Step.WEIGHT;
            return Next.stay();
        }
        if (!(input instanceof Input.Scanned scanned) || scanned.scan().problem().isPresent() || Scans.item(input, Optional.empty()).isPresent()
                || scanned.text().isBlank()) {
            return Next.wrong(Scans.notA("a box", input));
        }
        box = scanned.text().toUpperCase(java.util.Locale.ROOT);
        step = Step.WEIGHT;
        return suggested.isPresent() && !suggested.get().equalsIgnoreCase(box) ? Next.info("Box " + box + " instead of " + suggested.get()) : Next.stay();
    }

    private Next onWeight(Input input) {
        if (input.is(Key.BACK)) {
            step = Step.BOX;
            return Next.stay();
        }
        Optional<Integer> grams = Scans.quantity(input);
        if (grams.isEmpty() || grams.get() == 0) {
            return Next.wrong("Type the scale's weight in grams, then Enter");
        }
        ObjectNode body = floor.newBody();
        if (!box.isBlank()) {
            body.put("box_type_code", box);
        }
        body.put("weight_grams", grams.get());
        return answered(floor.confirmAwaited("/cartons/" + cartonId + "/close", body,
                "Close carton " + cartonNumber + " " + box + " " + grams.get() + " g"), Awaiting.CLOSE, Step.WEIGHT);
    }

    private Next closed(JsonNode answer) {
        JsonNode carton = answer.path("carton");
        if ("recheck".equals(carton.path("status").asString())) {
            step = Step.WEIGHT;
            return Next.wrong("Weight check: " + carton.path("recheck_reason").asString() + ". Weigh again");
        }
        readShipment();
        step = Step.LABEL;
        return printWhenReady().orElse(Next.info("Order " + answer.path("order_status").asString()));
    }

    /** A carton's label goes to this device's printer by itself once, as soon as the service has it. */
    private Optional<Next> printWhenReady() {
        boolean labelled = shipment != null && "labelled".equals(shipment.path("status").asString());
        if (!labelled || !floor.labels().available() || cartonId.equals(printedCarton)) {
            return Optional.empty();
        }
        printedCarton = cartonId;
        return Optional.of(floor.labels().printCarton(floor, cartonId).next());
    }

    private void readShipment() {
        shipment = floor.get("/cartons/" + cartonId + "/shipment") instanceof Answer.Ok ok ? ok.body() : null;
    }

    private Next onLabel(Input input) {
        boolean labelled = shipment != null && "labelled".equals(shipment.path("status").asString());
        if (input.is(Key.ENTER) && !labelled) {
            readShipment();
            return printWhenReady().orElse(Next.stay());
        }
        if (input.is(Key.PRINT)) {
            return labelled ? floor.labels().printCarton(floor, cartonId).next() : Next.wrong("No label yet: Enter to check again");
        }
        if (input.is(Key.ENTER) || input.is(Key.SKIP)) {
            shipment = null;
            Optional<JsonNode> session = session();
            if (session.isEmpty()) {
                sessionId = null;
                step = Step.OPEN;
                return Next.info("Scan the next tote");
            }
            return nextOrder(session.get());
        }
        return Next.wrong(labelled ? "Enter for the next carton" : "Enter to check the label again, F3 to go on");
    }

    private Next onWait(Input input) {
        return floor.awaitAnswer(input, awaited, answer -> proceed(awaiting, answer), () -> {
            step = beforeWait;
            awaited = null;
        });
    }

    /** The first part of an order id, as far as a worker needs it to tell orders apart on a screen. */
    static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    /** A GTIN-13 printed on the goods and the GTIN-14 a scan reads are the same number with a leading zero. */
    private static boolean sameGtin(String a, String b) {
        return a.replaceFirst("^0+", "").equals(b.replaceFirst("^0+", ""));
    }
}
