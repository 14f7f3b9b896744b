package io.stowage.api.orders;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides where each line of an order ships from. In order of preference:
 * <ol>
 * <li>the nearest node that can ship the whole order: one shipment;</li>
 * <li>otherwise the smallest set of nodes (up to {@value #EXACT_SET_SIZE}) that together can ship
 * everything, the one with the least total distance among sets of that size; each line ships
 * from the nearest node of the set that holds all of it, and is split only when none does;</li>
 * <li>otherwise, when stock is short or scattered wider, greedily: the node that can ship the most
 * remaining lines whole (then most units, then nearest) takes them, and so on; what no node holds
 * waits as a backorder.</li>
 * </ol>
 * Which nodes are candidates (stores only with ship-from-store or for click-and-collect) is the
 * caller's decision; the policy only ranks them. Lines are of distinct variants, so they never
 * compete for the same units. Pure: the caller reads stock under its locks and applies the plan.
 */
public final class RoutingPolicy {

    /** Sets of more nodes than this are not searched exhaustively; the greedy step covers them. */
    static final int EXACT_SET_SIZE = 3;

    /** A node that may ship this order, and how far it is from the customer. */
    public record Candidate(UUID nodeId, String code, double distanceKm) {
    }

    /** A line still to place. */
    public record Demand(int lineNo, UUID variantId, int quantity) {
    }

    /** Units of a line shipped from a node. */
    public record Assignment(int lineNo, UUID nodeId, int quantity) {
    }

    /** The assignments, and per line the units no node could ship now. */
    public record Plan(List<Assignment> assignments, Map<Integer, Integer> waiting) {

        public long shipments() {
            return assignments.stream().map(Assignment::nodeId).distinct().count();
        }

        public int waiting(int lineNo) {
            return waiting.getOrDefault(lineNo, 0);
        }
    }

    /** Units of each variant each node can ship now: {@code stock.get(nodeId).get(variantId)}. */
    public interface Stock {
        int available(UUID nodeId, UUID variantId);
    }

    private RoutingPolicy() {
    }

    public static Plan route(List<Demand> lines, List<Candidate> candidates, Stock stock) {
        List<Candidate> nearestFirst = candidates.stream()
                .sorted(Comparator.comparingDouble(Candidate::distanceKm).thenComparing(Candidate::code))
                .filter(candidate -> lines.stream().anyMatch(line -> stock.available(candidate.nodeId(), line.variantId()) > 0))
                .toList();
        Map<UUID, Map<UUID, Integer>> left = new HashMap<>();
        for (Candidate candidate : nearestFirst) {
            Map<UUID, Integer> perVariant = new HashMap<>();
            lines.forEach(line -> perVariant.put(line.variantId(), stock.available(candidate.nodeId(), line.variantId())));
            left.put(candidate.nodeId(), perVariant);
        }
        Optional<List<Candidate>> smallestSet = smallestCoveringSet(lines, nearestFirst, left);
        return smallestSet.map(set -> shipFrom(set, lines, left)).orElseGet(() -> greedy(lines, nearestFirst, left));
    }

    private static Optional<List<Candidate>> smallestCoveringSet(List<Demand> lines, List<Candidate> nearestFirst,
                                                                  Map<UUID, Map<UUID, Integer>> left) {
        for (int size = 1; size <= Math.min(EXACT_SET_SIZE, nearestFirst.size()); size++) {
            List<Candidate> best = null;
            double bestDistance = Double.MAX_VALUE;
            for (List<Candidate> set : combinations(nearestFirst, size)) {
                double distance = set.stream().mapToDouble(Candidate::distanceKm).sum();
                if (distance < bestDistance && covers(set, lines, left)) {
                    best = set;
                    bestDistance = distance;
                }
            }
            if (best != null) {
                return Optional.of(best);
            }
        }
        return Optional.empty();
    }

    private static boolean covers(List<Candidate> set, List<Demand> lines, Map<UUID, Map<UUID, Integer>> left) {
        for (Demand line : lines) {
            int held = set.stream().mapToInt(node -> left.get(node.nodeId()).get(line.variantId())).sum();
            if (held < line.quantity()) {
                return false;
            }
        }
        return true;
    }

    /** Combinations of {@code size} candidates, each keeping the nearest-first order. */
    private static List<List<Candidate>> combinations(List<Candidate> candidates, int size) {
        List<List<Candidate>> out = new ArrayList<>();
        collect(candidates, size, 0, new ArrayList<>(), out);
        return out;
    }

    private static void collect(List<Candidate> candidates, int size, int from, List<Candidate> current, List<List<Candidate>> out) {
        if (current.size() == size) {
            out.add(List.copyOf(current));
            return;
        }
        for (int i = from; i <= candidates.size() - (size - current.size()); i++) {
            current.add(candidates.get(i));
            collect(candidates, size, i + 1, current, out);
            current.remove(current.size() - 1);
        }
    }

    /** Places every line within a set that covers the order: whole at the nearest node holding it, else split nearest first. */
    private static Plan shipFrom(List<Candidate> set, List<Demand> lines, Map<UUID, Map<UUID, Integer>> left) {
        List<Assignment> assignments = new ArrayList<>();
        Map<Integer, Integer> waiting = new LinkedHashMap<>();
        for (Demand line : lines) {
            int rest = placeWholeOrSplit(line, set, left, assignments);
            if (rest > 0) {
                waiting.put(line.lineNo(), rest);
            }
        }
        return new Plan(List.copyOf(assignments), waiting);
    }

    private static int placeWholeOrSplit(Demand line, List<Candidate> nodes, Map<UUID, Map<UUID, Integer>> left, List<Assignment> out) {
        for (Candidate node : nodes) {
            if (left.get(node.nodeId()).get(line.variantId()) >= line.quantity()) {
                take(node, line, line.quantity(), left, out);
                return 0;
            }
        }
        int rest = line.quantity();
        for (Candidate node : nodes) {
            int q = Math.min(rest, left.get(node.nodeId()).get(line.variantId()));
            if (q > 0) {
                take(node, line, q, left, out);
                rest -= q;
            }
        }
        return rest;
    }

    private static Plan greedy(List<Demand> lines, List<Candidate> nearestFirst, Map<UUID, Map<UUID, Integer>> left) {
        List<Assignment> assignments = new ArrayList<>();
        Map<Integer, Integer> remaining = new LinkedHashMap<>();
        lines.forEach(line -> remaining.put(line.lineNo(), line.quantity()));
        while (true) {
            Candidate best = null;
            long bestWhole = -1;
            int bestUnits = 0;
            for (Candidate node : nearestFirst) {
                long whole = lines.stream().filter(line -> remaining.get(line.lineNo()) > 0
                        && left.get(node.nodeId()).get(line.variantId()) >= remaining.get(line.lineNo())).count();
                int units = lines.stream().mapToInt(line -> Math.min(remaining.get(line.lineNo()), left.get(node.nodeId()).get(line.variantId()))).sum();
                if (units > 0 && (whole > bestWhole || whole == bestWhole && units > bestUnits)) {
                    best = node;
                    bestWhole = whole;
                    bestUnits = units;
                }
            }
            if (best == null) {
                break;
            }
            for (Demand line : lines) {
                int rest = remaining.get(line.lineNo());
                int held = left.get(best.nodeId()).get(line.variantId());
                // A node that ships some lines whole leaves the others to nodes that may ship them whole too.
                int q = bestWhole > 0 ? (held >= rest ? rest : 0) : Math.min(rest, held);
                if (q > 0) {
                    take(best, new Demand(line.lineNo(), line.variantId(), rest), q, left, assignments);
                    remaining.put(line.lineNo(), rest - q);
                }
            }
        }
        Map<Integer, Integer> waiting = new LinkedHashMap<>();
        remaining.forEach((lineNo, rest) -> {
            if (rest > 0) {
                waiting.put(lineNo, rest);
            }
        });
        return new Plan(List.copyOf(assignments), waiting);
    }

    private static void take(Candidate node, Demand line, int quantity, Map<UUID, Map<UUID, Integer>> left, List<Assignment> out) {
        left.get(node.nodeId()).merge(line.variantId(), -quantity, Integer::sum);
        out.add(new Assignment(line.lineNo(), node.nodeId(), quantity));
    }
}
