package io.stowage.picking.routing;

/** The routing algorithms {@link PickRouter} offers. */
public enum RoutingMethod {
    /**
     * Traverse every aisle section with picks entirely, alternating direction, block by block from the
     * farthest (Roodbergen and de Koster 2001); a block's last section ends on the cross aisle nearest the depot.
     */
    S_SHAPE("s-shape"),
    /** Enter and leave every aisle with picks from the front cross aisle. */
    RETURN("return"),
    /**
     * Block by block from the farthest: traverse the block's farthest pick section, reach the others from the
     * block's back and front cross aisles, leaving out each section's largest gap (Roodbergen and de Koster 2001).
     */
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
