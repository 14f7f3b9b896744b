package io.stowage.api.boxes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The rules of cartonization written a second time, plainly and slowly, to judge the real one by:
 * whether a box holds some units, and the cheapest cost found by trying every way to split a few units
 * into cartons.
 */
final class CartonizationOracle {

    private CartonizationOracle() {
    }

    /** Every unit turned every way: some orientation of its sides fits inside the box, and volume and gross weight stay within limits. */
    static boolean holds(CandidateBox box, List<UnitShape> units) {
        long volume = 0;
        long weight = box.tareGrams();
        for (UnitShape unit : units) {
            if (!fitsSomeWay(unit, box)) {
                return false;
            }
            volume += (long) unit.lengthMm() * unit.widthMm() * unit.heightMm();
            weight += unit.weightGrams();
        }
        long boxVolume = (long) box.lengthMm() * box.widthMm() * box.heightMm();
        return volume * 100 <= boxVolume * box.maxFillPercent() && weight <= box.maxWeightGrams();
    }

    private static boolean fitsSomeWay(UnitShape unit, CandidateBox box) {
        int[] s = {unit.lengthMm(), unit.widthMm(), unit.heightMm()};
        int[][] turns = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (int[] turn : turns) {
            if (s[turn[0]] <= box.lengthMm() && s[turn[1]] <= box.widthMm() && s[turn[2]] <= box.heightMm()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The least total cost over every partition of the units (except those shipping separately) into
     * cartons that do not mix fragile and ordinary units, each in the cheapest box of one currency that
     * holds it; empty when no partition can be packed.
     */
    static OptionalLong cheapestCost(List<UnitShape> units, List<CandidateBox> boxes) {
        List<UnitShape> boxed = units.stream().filter(unit -> !unit.shipsSeparately()).toList();
        long best = Long.MAX_VALUE;
        for (String currency : boxes.stream().map(CandidateBox::currency).distinct().toList()) {
            List<CandidateBox> same = boxes.stream().filter(box -> box.currency().equals(currency)).toList();
            best = Math.min(best, cheapestPartition(boxed, same, new int[boxed.size()], 0, 0));
        }
        if (boxed.isEmpty()) {
            return OptionalLong.of(0);
        }
        return best == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(best);
    }

    /** Restricted growth strings: block[i] <= max(block[0..i-1]) + 1 enumerates each set partition once. */
    private static long cheapestPartition(List<UnitShape> units, List<CandidateBox> boxes, int[] block, int next, int blocks) {
        if (next == units.size()) {
            long total = 0;
            for (int b = 0; b < blocks; b++) {
                List<UnitShape> members = new ArrayList<>();
                for (int i = 0; i < units.size(); i++) {
                    if (block[i] == b) {
                        members.add(units.get(i));
                    }
                }
                if (members.stream().map(UnitShape::fragile).distinct().count() > 1) {
                    return Long.MAX_VALUE;
                }
                long cheapest = boxes.stream().filter(box -> holds(box, members)).mapToLong(CandidateBox::costMinor).min().orElse(Long.MAX_VALUE);
                if (cheapest == Long.MAX_VALUE) {
                    return Long.MAX_VALUE;
                }
                total += cheapest;
            }
            return total;
        }
        long best = Long.MAX_VALUE;
        for (int b = 0; b <= blocks; b++) {
            block[next] = b;
            best = Math.min(best, cheapestPartition(units, boxes, block, next + 1, Math.max(blocks, b + 1)));
        }
        return best;
    }

    /**
     * Each choice packs every unit exactly once, each carton in a box that holds its units (or the unit's
     * own packaging for one that ships separately), no carton mixes fragile and ordinary units, costs add
     * up in one currency, and the choices come cheapest first.
     */
    static void assertValid(List<UnitShape> units, List<CandidateBox> boxes, List<BoxChoice> choices) {
        Map<UUID, Long> wanted = count(units.stream().map(UnitShape::variantId).toList());
        long previousCost = Long.MIN_VALUE;
        for (BoxChoice choice : choices) {
            assertThat(choice.totalCostMinor()).as("cheapest first").isGreaterThanOrEqualTo(previousCost);
            previousCost = choice.totalCostMinor();
            List<UUID> packed = new ArrayList<>();
            List<UnitShape> remaining = new ArrayList<>(units);
            long cost = 0;
            for (BoxChoice.Carton carton : choice.cartons()) {
                List<UnitShape> contents = new ArrayList<>();
                for (UUID variant : carton.variantIdsPerUnit()) {
                    // Units of one variant are alike, so any remaining unit of it stands for this one.
                    UnitShape unit = remaining.stream().filter(u -> u.variantId().equals(variant)).findFirst().orElseThrow();
                    remaining.remove(unit);
                    contents.add(unit);
                }
                packed.addAll(carton.variantIdsPerUnit());
                assertThat(contents.stream().map(UnitShape::fragile).distinct()).as("fragile apart").hasSizeLessThanOrEqualTo(1);
                int weight = contents.stream().mapToInt(UnitShape::weightGrams).sum();
                if (carton.boxTypeCode() == null) {
                    assertThat(contents).singleElement().matches(UnitShape::shipsSeparately);
                    assertThat(carton.expectedWeightGrams()).isEqualTo(weight);
                    continue;
                }
                assertThat(contents).noneMatch(UnitShape::shipsSeparately);
                CandidateBox box = boxes.stream().filter(b -> b.code().equals(carton.boxTypeCode())).findFirst().orElseThrow();
                assertThat(box.currency()).isEqualTo(choice.currency());
                assertThat(holds(box, contents)).as("box %s holds %s", box, contents).isTrue();
                assertThat(carton.expectedWeightGrams()).isEqualTo(box.tareGrams() + weight);
                cost += box.costMinor();
            }
            assertThat(count(packed)).isEqualTo(wanted);
            assertThat(choice.totalCostMinor()).isEqualTo(cost);
        }
    }

    private static Map<UUID, Long> count(List<UUID> ids) {
        Map<UUID, Long> counts = new HashMap<>();
        ids.forEach(id -> counts.merge(id, 1L, Long::sum));
        return counts;
    }

    static String describe(List<UnitShape> units, List<CandidateBox> boxes) {
        return Arrays.toString(units.toArray()) + " in " + Arrays.toString(boxes.toArray());
    }
}
