package io.stowage.scanner.movetask;

/** The service's tasks that move units between two locations, confirmed with both scans and the item. */
public enum MoveTaskKind {
    /** Reserve to pick face, made when a wave is released. */
    REPLENISHMENT("REPLENISH", "/replenishment-tasks", "Replenish"),
    /** Pack station back to the shelf, made when an order is cancelled after picking. */
    PUT_BACK("PUT BACK", "/put-back-tasks", "Put back");

    private final String title;
    private final String path;
    private final String verb;

    MoveTaskKind(String title, String path, String verb) {
        this.title = title;
        this.path = path;
        this.verb = verb;
    }

    public String title() {
        return title;
    }

    public String path() {
        return path;
    }

    public String verb() {
        return verb;
    }
}
