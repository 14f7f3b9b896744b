package io.stowage.scanner.screen;

import java.util.List;
import java.util.Objects;

/**
 * One step of a flow as the worker sees it, before it is laid out for a terminal of some size.
 *
 * @param title       the flow and where in it the worker is ("PICK 2/5")
 * @param instruction the one large instruction ("Go to A-03-02-B", "Scan item")
 * @param context     what the worker needs to know for this step (product, quantity, tote), most important first
 * @param keys        the keys that do something here ("F2 short  Esc back"), empty when none
 * @param secret      whether what the worker types now must not be shown (a PIN)
 */
public record Screen(String title, String instruction, List<String> context, String keys, boolean secret) {

    public Screen {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(instruction, "instruction");
        context = List.copyOf(context);
        Objects.requireNonNull(keys, "keys");
    }

    public static Screen of(String title, String instruction, List<String> context, String keys) {
        return new Screen(title, instruction, context, keys, false);
    }
}
