package io.stowage.picking.routing;

/** The routing algorithms {@link PickRouter} offers. */
public enum RoutingMethod {
    /** Traverse every aisle with picks entirely, alternating direction; an odd last aisle is a return. */
    S_SHAPE("s-shape"),
    /** Enter and leave every aisle with picks from the front cross aisle. */
    RETURN("return"),
    /** Traverse the outermost pick aisles; reach every other aisle from front and back, leaving out its largest gap. */
    LARGEST_GAP("largest-gap"),
    /** Ratliff and Rosenthal's exact dynamic programme; single-block layouts without blockages only. */
    RATLIFF_ROSENTHAL("ratliff-rosenthal"),
    /** Held and Karp's exact dynamic programme over subsets; up to {@value HeldKarp#MAX_STOPS} distinct stops. */
    HELD_KARP("held-karp"),
    /** Nearest neighbour, then 2-opt and Or-opt with iterated perturbation, on the true walking distances. */
    LOCAL_SEARCH("local-search"),
    /** OptaPlanner with a list variable and nearby selection, started from {@link #LOCAL_SEARCH}. */
    OPTAPLANNER("optaplanner"),
    /** The best practical choice: exact where cheap, {@link #LOCAL_SEARCH} otherwise. */
    BEST("best");

    private final String label;

    RoutingMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
