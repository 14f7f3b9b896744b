package io.stowage.scanner.flow;

import io.stowage.scanner.console.Input;
import io.stowage.scanner.console.Key;

import java.util.Optional;

/**
 * Counting units of one item: the first scan names the item and counts one, each further scan of
 * it counts one more, a typed number sets the count, Enter accepts it. Another item is refused.
 */
public final class Tally {

    /** What one input did to the count. */
    public enum Outcome { COUNTED, ACCEPTED, REFUSED }

    private Scans.Item item;
    private int count;
    private String refusal = "";

    public Optional<Scans.Item> item() {
        return Optional.ofNullable(item);
    }

    public int count() {
        return count;
    }

    public String refusal() {
        return refusal;
    }

    public void reset() {
        item = null;
        count = 0;
    }

    /** Starts the tally with an item already scanned and counted, as when receiving hands over to putaway. */
    public void start(Scans.Item scanned, int units) {
        item = scanned;
        count = units;
    }

    public Outcome on(Input input, Optional<String> expectedSku, String wanted) {
        if (input.is(Key.ENTER)) {
            if (item == null || count == 0) {
                refusal = item == null ? "Scan " + wanted + " first" : "Type how many, then Enter";
                return Outcome.REFUSED;
            }
            return Outcome.ACCEPTED;
        }
        Optional<Scans.Item> scanned = Scans.item(input, expectedSku);
        if (scanned.isPresent()) {
            if (item != null && !item.sameAs(scanned.get())) {
                refusal = "Another item: finish " + item.label() + " first (Enter), or Esc";
                return Outcome.REFUSED;
            }
            item = scanned.get();
            count++;
            return Outcome.COUNTED;
        }
        Optional<Integer> typed = Scans.quantity(input);
        if (typed.isPresent()) {
            if (item == null) {
                refusal = "Scan " + wanted + " first, then type the count";
                return Outcome.REFUSED;
            }
            count = typed.get();
            return Outcome.COUNTED;
        }
        refusal = Scans.notA(wanted, input);
        return Outcome.REFUSED;
    }
}
