package io.stowage.api.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where the backorder allocator's passes stand in the variants that have waiting lines, taken in
 * variant id order a page at a time, so that a pass reads a bounded page whatever the backlog and
 * every waiting variant still comes round in turn: each pass goes on after the last variant the one
 * before it dealt with, and after the last page it starts again from the first. One per instance;
 * the allocator's passes never overlap within an instance, and instances need not agree on where
 * they stand (the variant's advisory lock keeps two from serving it at once).
 */
final class WaitingVariantsCursor {

    private final int pageSize;
    private final int servedPerPass;
    private UUID after;

    WaitingVariantsCursor(int pageSize, int servedPerPass) {
        if (pageSize < 1 || servedPerPass < 1) {
            throw new IllegalArgumentException("A page and the variants served per pass hold one at least");
        }
        this.pageSize = pageSize;
        this.servedPerPass = servedPerPass;
    }

    /** How many waiting variants a pass reads. */
    int pageSize() {
        return pageSize;
    }

    /** The page starts after this variant id; empty at the start of a round. */
    synchronized Optional<UUID> after() {
        return Optional.ofNullable(after);
    }

    /**
     * The variants of the page just read (in id order) that this pass serves: those with unreserved
     * units, {@code servedPerPass} at the most. Moves past what the pass dealt with: past the last
     * served when it served all it may (the page's later variants with units come first next pass),
     * else past the page, and back to the start after a short page (the last one).
     */
    synchronized List<UUID> turn(List<UUID> page, Set<UUID> withUnreservedUnits) {
        List<UUID> served = new ArrayList<>();
        for (UUID variant : page) {
            if (served.size() == servedPerPass) {
                break;
            }
            if (withUnreservedUnits.contains(variant)) {
                served.add(variant);
            }
        }
        if (served.size() == servedPerPass) {
            after = served.get(served.size() - 1);
        } else if (page.size() < pageSize) {
            after = null;
        } else {
            after = page.get(page.size() - 1);
        }
        return served;
    }
}
