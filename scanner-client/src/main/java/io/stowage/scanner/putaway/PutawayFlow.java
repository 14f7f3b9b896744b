package io.stowage.scanner.putaway;

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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Putting units away: scan where they stand, the item and the count; the service suggests a
 * location ("Go to A-01-01-A"). Scanning the suggestion confirms; scanning another location twice
 * overrides it (the service still checks the location). Offline there is no suggestion: the screen
 * says so and the worker scans where they put the units.
 */
public final class PutawayFlow implements Flow {

    private enum Step { FROM, ITEM, TO }

    private final Floor floor;
    private final Tally tally = new Tally();
    private Step step = Step.FROM;
    private String from;
    private Optional<String> suggestion = Optional.empty();
    private String suggestionNote = "";
    private String override;

    public PutawayFlow(Floor floor) {
        this.floor = floor;
    }

    /** Straight from a receipt: the units, where they stand and the service's suggestion are known. */
    public PutawayFlow(Floor floor, String from, Scans.Item item, int quantity, Optional<String> suggestion) {
        this.floor = floor;
        this.from = from;
        this.tally.start(item, quantity);
        if (suggestion.isPresent()) {
            this.suggestion = suggestion;
            this.step = Step.TO;
        } else {
            suggest();
        }
    }

    @Override
    public Screen screen() {
        return switch (step) {
            case FROM -> Screen.of("PUT AWAY", "Scan location", List.of("Where the units stand now"), "Esc menu");
            case ITEM -> tally.item().isEmpty()
                    ? Screen.of("PUT AWAY", "Scan item", List.of("From " + from), "Esc back")
                    : Screen.of("PUT AWAY", "Qty " + tally.count() + ": scan more or type, Enter",
                    List.of(tally.item().get().label(), "From " + from), "Esc back");
            case TO -> {
                List<String> context = new ArrayList<>();
                context.add(tally.count() + " x " + tally.item().map(Scans.Item::label).orElse(""));
                context.add("From " + from);
                if (!suggestionNote.isBlank()) {
                    context.add(suggestionNote);
                }
                if (override != null) {
                    context.add("Scan " + override + " again to put them there");
                }
                yield Screen.of("PUT AWAY", suggestion.map(s -> "Go to " + s).orElse("Scan destination"), context, "Esc back");
            }
        };
    }

    @Override
    public Next on(Input input) {
        return switch (step) {
            case FROM -> onFrom(input);
            case ITEM -> onItem(input);
            case TO -> onTo(input);
        };
    }

    private Next onFrom(Input input) {
        if (input.is(Key.BACK)) {
            return Next.close();
        }
        Optional<String> location = Scans.location(input);
        if (location.isEmpty()) {
            return Next.wrong(Scans.notA("a location", input));
        }
        from = location.get();
        step = Step.ITEM;
        return Next.stay();
    }

    private Next onItem(Input input) {
        if (input.is(Key.BACK)) {
            tally.reset();
            step = Step.FROM;
            return Next.stay();
        }
        return switch (tally.on(input, Optional.empty(), "the item")) {
            case REFUSED -> Next.wrong(tally.refusal());
            case COUNTED -> Next.stay();
            case ACCEPTED -> {
                suggest();
                step = Step.TO;
                yield Next.stay();
            }
        };
    }

    private void suggest() {
        Scans.Item item = tally.item().orElseThrow();
        String query = "location_code=" + encode(from) + item.gtin().map(g -> "&gtin=" + encode(g)).orElse("")
                + item.sku().map(s -> "&sku=" + encode(s)).orElse("");
        Answer answer = floor.get("/putaway-suggestions?" + query);
        if (answer instanceof Answer.Ok ok && ok.body().hasNonNull("location_code")) {
            suggestion = Optional.of(ok.body().path("location_code").asString());
            suggestionNote = "";
        } else {
            suggestion = Optional.empty();
            suggestionNote = answer instanceof Answer.Refused ? "No suggestion: " + answer.explain()
                    : "No suggestion: it needs the service (offline)";
        }
        step = Step.TO;
    }

    private Next onTo(Input input) {
        if (input.is(Key.BACK)) {
            override = null;
            step = Step.ITEM;
            return Next.stay();
        }
        Optional<String> location = Scans.location(input);
        if (location.isEmpty()) {
            return Next.wrong(Scans.notA(suggestion.map(s -> "location " + s).orElse("the destination"), input));
        }
        String to = location.get();
        boolean suggested = suggestion.map(s -> s.equalsIgnoreCase(to)).orElse(true);
        if (!suggested && !to.equalsIgnoreCase(override)) {
            override = to;
            return Next.wrong("Not the suggested " + suggestion.get() + ": scan " + to + " again to use it");
        }
        return move(to);
    }

    private Next move(String to) {
        Scans.Item item = tally.item().orElseThrow();
        var body = floor.newBody();
        item.writeTo(body, false);
        body.put("quantity", tally.count());
        body.put("from_location_code", from);
        body.put("to_location_code", to);
        Delivery delivery = floor.confirm("/moves", body, "Put away " + item.label() + " x" + tally.count() + " " + from + ">" + to);
        override = null;
        if (delivery instanceof Delivery.Refused refused) {
            return Next.wrong(refused.problem().detail());
        }
        if (delivery instanceof Delivery.Done) {
            return Next.close("Put away " + tally.count() + " at " + to);
        }
        return Next.close("Saved on device, " + ((Delivery.Queued) delivery).waiting() + " to send");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
