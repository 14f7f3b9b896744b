package io.stowage.api.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The backorder allocator reads a bounded page of waiting variants per pass, serves a bounded number
 * of them, and still reaches every waiting variant with available units in turn.
 */
class WaitingVariantsCursorTest {

    /** Seven waiting variants in id order (PostgreSQL's order of these is the same). */
    private final List<UUID> waiting = IntStream.range(1, 8).mapToObj(i -> new UUID(0, i)).toList();

    /** One pass as the allocator makes it: the page after the cursor, then the turn on it. */
    private List<UUID> pass(WaitingVariantsCursor cursor, Set<UUID> stocked, List<List<UUID>> pagesRead) {
        List<UUID> page = waiting.stream()
                .filter(variant -> cursor.after().map(after -> variant.compareTo(after) > 0).orElse(true))
                .limit(cursor.pageSize())
                .toList();
        pagesRead.add(page);
        return cursor.turn(page, stocked);
    }

    @Test
    void everyStockedVariantIsServedWithinOneRoundAndNoPassReadsOrServesMoreThanItsBound() {
        WaitingVariantsCursor cursor = new WaitingVariantsCursor(3, 2);
        Set<UUID> stocked = Set.of(waiting.get(0), waiting.get(1), waiting.get(2), waiting.get(5));
        List<List<UUID>> pages = new ArrayList<>();
        List<List<UUID>> served = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            served.add(pass(cursor, stocked, pages));
        }

        assertThat(pages).allSatisfy(page -> assertThat(page).hasSizeLessThanOrEqualTo(3));
        assertThat(served).allSatisfy(turn -> assertThat(turn).hasSizeLessThanOrEqualTo(2));
        assertThat(served.get(0)).containsExactly(waiting.get(0), waiting.get(1));
        assertThat(served.get(1)).as("the page's third stocked variant comes first the next pass").containsExactly(waiting.get(2));
        assertThat(served.get(2)).containsExactly(waiting.get(5));
        assertThat(pages.get(2)).as("the last, short page").containsExactly(waiting.get(5), waiting.get(6));
        assertThat(pages.get(3)).as("a new round starts from the first").containsExactly(waiting.get(0), waiting.get(1), waiting.get(2));
        Set<UUID> reached = new HashSet<>();
        served.forEach(reached::addAll);
        assertThat(reached).containsAll(stocked);
    }

    @Test
    void aRoundWithNothingInStockWalksEveryPageAndStartsAgain() {
        WaitingVariantsCursor cursor = new WaitingVariantsCursor(3, 2);
        List<List<UUID>> pages = new ArrayList<>();

        for (int i = 0; i < 4; i++) {
            assertThat(pass(cursor, Set.of(), pages)).isEmpty();
        }

        assertThat(pages).containsExactly(waiting.subList(0, 3), waiting.subList(3, 6), waiting.subList(6, 7), waiting.subList(0, 3));
    }
}
