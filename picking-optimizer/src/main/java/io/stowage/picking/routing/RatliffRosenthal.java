package io.stowage.picking.routing;

import io.stowage.picking.PickingException;
import io.stowage.picking.layout.WarehouseLayout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Ratliff and Rosenthal's (1983) exact dynamic programme for a single block of parallel aisles: it builds
 * the cheapest tour subgraph aisle by aisle, keeping for each aisle's front and back end only the degree
 * parity (none, odd, even) and whether the ends are in one or two connected components, so the work grows
 * linearly with the number of aisles. The depot, wherever it stands on the front cross aisle, is a column
 * of its own whose front end must be on the tour. The tour is read back as an Euler circuit of the chosen
 * edges.
 */
final class RatliffRosenthal {

    private static final int NONE = 0;
    private static final int ODD = 1;
    private static final int EVEN = 2;
    private static final int CLOSED = 3;
    private static final int STATES = 36;
    private static final double UNREACHED = Double.POSITIVE_INFINITY;

    private RatliffRosenthal() {
    }

    static boolean applies(WarehouseLayout layout) {
        return layout.isSingleBlock() && !layout.hasBlockages();
    }

    static NodeTour solve(WarehouseLayout layout, int[] nodes) {
        if (!applies(layout)) {
            throw new PickingException("Ratliff-Rosenthal needs a single block without blockages");
        }
        if (nodes.length == 0) {
            return new NodeTour(new int[0], 0);
        }
        List<Column> columns = Column.of(layout, nodes);
        int count = columns.size();
        int[][] verticalBack = new int[count][STATES];
        int[][] horizontalBack = new int[count][STATES];
        double[] cost = new double[STATES];
        Arrays.fill(cost, UNREACHED);
        cost[state(NONE, NONE, 0)] = 0;
        for (int j = 0; j < count; j++) {
            if (j > 0) {
                double width = columns.get(j).x - columns.get(j - 1).x;
                double[] next = filled();
                for (int s = 0; s < STATES; s++) {
                    for (int copies = 0; copies < 9 && cost[s] < UNREACHED; copies++) {
                        int t = horizontal(s, copies / 3, copies % 3);
                        double candidate = cost[s] + (copies / 3 + copies % 3) * width;
                        if (t >= 0 && candidate < next[t]) {
                            next[t] = candidate;
                            horizontalBack[j][t] = s * 16 + copies;
                        }
                    }
                }
                cost = next;
            }
            List<Option> options = columns.get(j).options();
            double[] next = filled();
            for (int s = 0; s < STATES; s++) {
                for (int o = 0; o < options.size() && cost[s] < UNREACHED; o++) {
                    int t = vertical(s, options.get(o));
                    double candidate = cost[s] + options.get(o).length;
                    if (t >= 0 && candidate < next[t]) {
                        next[t] = candidate;
                        verticalBack[j][t] = s * 16 + o;
                    }
                }
            }
            cost = next;
        }
        int best = -1;
        for (int s = 0; s < STATES; s++) {
            if (isComplete(s) && (best < 0 || cost[s] < cost[best])) {
                best = s;
            }
        }
        return NodeTour.through(layout, eulerOrder(columns, verticalBack, horizontalBack, best));
    }

    /** State transitions for adding cross-aisle edges: {@code [state * 9 + frontCopies * 3 + backCopies]}. */
    private static final int[] ACROSS = new int[STATES * 9];
    /** State transitions for the aisle coverings of {@link #optimalLength}: {@code [state * 6 + kind]}. */
    private static final int[] ALONG = new int[STATES * 6];
    private static final Option[] KINDS = {
            new Option(0, 0, false, 0, Option.NO_EDGES, 0),
            new Option(1, 1, true, 0, Option.TRAVERSE_ONCE, 0),
            new Option(2, 2, true, 0, Option.TRAVERSE_TWICE, 0),
            new Option(2, 0, false, 0, Option.FROM_FRONT, 0),
            new Option(0, 2, false, 0, Option.FROM_FRONT, 0),
            new Option(2, 2, false, 0, Option.FROM_FRONT, 0)};

    static {
        for (int s = 0; s < STATES; s++) {
            for (int copies = 0; copies < 9; copies++) {
                ACROSS[s * 9 + copies] = horizontal(s, copies / 3, copies % 3);
            }
            for (int kind = 0; kind < KINDS.length; kind++) {
                ALONG[s * 6 + kind] = vertical(s, KINDS[kind]);
            }
        }
    }

    /**
     * The optimal tour length alone, without the tour, from per-column figures: the lean form of
     * {@link #solve} for callers that evaluate many candidate pick lists. Column {@code j} is at {@code x[j]};
     * {@code picks[j]} is -1 for the depot's column, else its number of picks; for columns with picks,
     * {@code fromFront[j]}, {@code fromBack[j]} and {@code withoutGap[j]} are the lengths of reaching all of
     * them from the front, from the back, and from both ends leaving out the largest gap between picks.
     */
    static double optimalLength(int columns, double[] x, int[] picks, double[] fromFront, double[] fromBack,
                                double[] withoutGap, double depth) {
        double[] cost = filled();
        double[] next = new double[STATES];
        cost[state(NONE, NONE, 0)] = 0;
        for (int j = 0; j < columns; j++) {
            if (j > 0) {
                double width = x[j] - x[j - 1];
                Arrays.fill(next, UNREACHED);
                for (int s = 0; s < STATES; s++) {
                    if (cost[s] == UNREACHED) {
                        continue;
                    }
                    for (int copies = 0; copies < 9; copies++) {
                        int t = ACROSS[s * 9 + copies];
                        double candidate = cost[s] + (copies / 3 + copies % 3) * width;
                        if (t >= 0 && candidate < next[t]) {
                            next[t] = candidate;
                        }
                    }
                }
                double[] swap = cost;
                cost = next;
                next = swap;
            }
            Arrays.fill(next, UNREACHED);
            for (int s = 0; s < STATES; s++) {
                if (cost[s] == UNREACHED) {
                    continue;
                }
                if (picks[j] < 0) {
                    relax(next, ALONG[s * 6 + 3], cost[s]);
                } else {
                    if (picks[j] == 0) {
                        relax(next, ALONG[s * 6], cost[s]);
                    }
                    relax(next, ALONG[s * 6 + 1], cost[s] + depth);
                    relax(next, ALONG[s * 6 + 2], cost[s] + 2 * depth);
                    if (picks[j] > 0) {
                        relax(next, ALONG[s * 6 + 3], cost[s] + fromFront[j]);
                        relax(next, ALONG[s * 6 + 4], cost[s] + fromBack[j]);
                    }
                    if (picks[j] > 1) {
                        relax(next, ALONG[s * 6 + 5], cost[s] + withoutGap[j]);
                    }
                }
            }
            double[] swap = cost;
            cost = next;
            next = swap;
        }
        double best = UNREACHED;
        for (int s = 0; s < STATES; s++) {
            if (isComplete(s)) {
                best = Math.min(best, cost[s]);
            }
        }
        return best;
    }

    private static void relax(double[] cost, int state, double candidate) {
        if (state >= 0 && candidate < cost[state]) {
            cost[state] = candidate;
        }
    }

    private static double[] filled() {
        double[] values = new double[STATES];
        Arrays.fill(values, UNREACHED);
        return values;
    }

    private static int state(int front, int back, int components) {
        return front + 3 * back + 9 * components;
    }

    private static boolean isComplete(int s) {
        int front = s % 3;
        int back = s / 3 % 3;
        int components = s / 9;
        return components == CLOSED || (components == 1 && front != ODD && back != ODD);
    }

    /** Adds cross-aisle edges from one column's ends to the next column's ends. */
    private static int horizontal(int s, int frontCopies, int backCopies) {
        int front = s % 3;
        int back = s / 3 % 3;
        int components = s / 9;
        if (components == CLOSED) {
            return frontCopies == 0 && backCopies == 0 ? s : -1;
        }
        boolean frontUnused = front == NONE && frontCopies > 0;
        boolean backUnused = back == NONE && backCopies > 0;
        boolean oddLeftBehind = (parity(front) + frontCopies) % 2 != 0 || (parity(back) + backCopies) % 2 != 0;
        if (frontUnused || backUnused || oddLeftBehind) {
            return -1;
        }
        if (components == 0) {
            return s;
        }
        if (components == 1 && frontCopies == 0 && backCopies == 0) {
            return state(NONE, NONE, CLOSED);
        }
        if (components == 2 && (frontCopies == 0 || backCopies == 0)) {
            return -1;
        }
        return state(degreeOf(frontCopies), degreeOf(backCopies), components);
    }

    /** Adds one aisle's vertical edges to the column's ends. */
    private static int vertical(int s, Option option) {
        int front = s % 3;
        int back = s / 3 % 3;
        int components = s / 9;
        if (components == CLOSED) {
            return option.frontDegree == 0 && option.backDegree == 0 ? s : -1;
        }
        int frontLabel = front == NONE ? 0 : 1;
        int backLabel = back == NONE ? 0 : (components == 2 ? 2 : 1);
        if (option.frontDegree > 0 && frontLabel == 0) {
            frontLabel = 3;
        }
        if (option.backDegree > 0 && backLabel == 0) {
            backLabel = 4;
        }
        if (option.connectsEnds) {
            backLabel = frontLabel;
        }
        int newComponents = frontLabel == 0 && backLabel == 0 ? 0
                : (frontLabel == 0 || backLabel == 0 || frontLabel == backLabel) ? 1 : 2;
        return state(add(front, option.frontDegree), add(back, option.backDegree), newComponents);
    }

    private static int parity(int degree) {
        return degree == ODD ? 1 : 0;
    }

    private static int degreeOf(int copies) {
        return copies == 0 ? NONE : (copies == 1 ? ODD : EVEN);
    }

    private static int add(int degree, int copies) {
        if (degree == NONE && copies == 0) {
            return NONE;
        }
        return (parity(degree) + copies) % 2 == 1 ? ODD : EVEN;
    }

    private static int[] eulerOrder(List<Column> columns, int[][] verticalBack, int[][] horizontalBack, int finalState) {
        Multigraph graph = new Multigraph();
        int s = finalState;
        for (int j = columns.size() - 1; j >= 0; j--) {
            Column column = columns.get(j);
            int back = verticalBack[j][s];
            column.options().get(back % 16).addEdges(graph, column, j);
            s = back / 16;
            if (j > 0) {
                int across = horizontalBack[j][s];
                graph.add(Column.frontEnd(j - 1), Column.frontEnd(j), across % 16 / 3);
                graph.add(Column.backEnd(j - 1), Column.backEnd(j), across % 16 % 3);
                s = across / 16;
            }
        }
        int depotColumn = 0;
        while (!columns.get(depotColumn).depot) {
            depotColumn++;
        }
        return graph.pickOrderFrom(Column.frontEnd(depotColumn));
    }

    /** One aisle, or the depot's own column, with its picks sorted from the front. */
    private record Column(double x, double front, double back, int[] picks, double[] picksY, boolean depot) {

        static List<Column> of(WarehouseLayout layout, int[] nodes) {
            double front = layout.crossAisleY(0);
            double back = layout.crossAisleY(1);
            List<AislePicks> withPicks = AislePicks.of(layout, nodes);
            List<Column> columns = new ArrayList<>();
            int next = 0;
            for (int aisle = 0; aisle < layout.aisleCount(); aisle++) {
                int[] picks = new int[0];
                if (next < withPicks.size() && withPicks.get(next).aisle() == aisle) {
                    picks = withPicks.get(next++).nodesFromFront();
                }
                columns.add(new Column(layout.aisleX(aisle), front, back, picks,
                        Arrays.stream(picks).mapToDouble(layout::yOf).toArray(), false));
            }
            int at = 0;
            while (at < columns.size() && columns.get(at).x <= layout.depotX()) {
                at++;
            }
            columns.add(at, new Column(layout.depotX(), front, back, new int[0], new double[0], true));
            return columns;
        }

        static int frontEnd(int column) {
            return -2 * column - 1;
        }

        static int backEnd(int column) {
            return -2 * column - 2;
        }

        List<Option> options() {
            if (depot) {
                return List.of(new Option(2, 0, false, 0, Option.FROM_FRONT, 0));
            }
            double length = back - front;
            List<Option> options = new ArrayList<>();
            if (picks.length == 0) {
                options.add(new Option(0, 0, false, 0, Option.NO_EDGES, 0));
            }
            options.add(new Option(1, 1, true, length, Option.TRAVERSE_ONCE, 0));
            options.add(new Option(2, 2, true, 2 * length, Option.TRAVERSE_TWICE, 0));
            if (picks.length > 0) {
                options.add(new Option(2, 0, false, 2 * (picksY[picksY.length - 1] - front), Option.FROM_FRONT, picks.length));
                options.add(new Option(0, 2, false, 2 * (back - picksY[0]), Option.FROM_FRONT, 0));
            }
            if (picks.length > 1) {
                int split = 1;
                for (int i = 2; i < picks.length; i++) {
                    if (picksY[i] - picksY[i - 1] > picksY[split] - picksY[split - 1]) {
                        split = i;
                    }
                }
                double gap = picksY[split] - picksY[split - 1];
                options.add(new Option(2, 2, false, 2 * (length - gap), Option.FROM_FRONT, split));
            }
            return options;
        }
    }

    /**
     * One way of covering an aisle: degrees added to its front and back ends, whether it links them, its
     * length. {@code FROM_FRONT} options reach the first {@code picksFromFront} picks from the front and
     * the rest from the back.
     */
    private record Option(int frontDegree, int backDegree, boolean connectsEnds, double length, int kind, int picksFromFront) {
        static final int NO_EDGES = 0;
        static final int TRAVERSE_ONCE = 1;
        static final int TRAVERSE_TWICE = 2;
        static final int FROM_FRONT = 3;

        void addEdges(Multigraph graph, Column column, int index) {
            if (column.depot || kind == NO_EDGES) {
                return;
            }
            int[] chain = new int[column.picks.length + 2];
            chain[0] = Column.frontEnd(index);
            System.arraycopy(column.picks, 0, chain, 1, column.picks.length);
            chain[chain.length - 1] = Column.backEnd(index);
            for (int i = 1; i < chain.length; i++) {
                int copies = kind == TRAVERSE_ONCE ? 1 : (kind == TRAVERSE_TWICE ? 2 : (i - 1 == picksFromFront ? 0 : 2));
                graph.add(chain[i - 1], chain[i], copies);
            }
        }
    }

    /** The chosen edges; pick nodes are layout nodes (non-negative), column ends negative. */
    private static final class Multigraph {
        private final List<int[]> edges = new ArrayList<>();

        void add(int a, int b, int copies) {
            for (int i = 0; i < copies; i++) {
                edges.add(new int[] {a, b});
            }
        }

        int[] pickOrderFrom(int start) {
            Map<Integer, List<Integer>> incident = new HashMap<>();
            for (int e = 0; e < edges.size(); e++) {
                incident.computeIfAbsent(edges.get(e)[0], k -> new ArrayList<>()).add(e);
                incident.computeIfAbsent(edges.get(e)[1], k -> new ArrayList<>()).add(e);
            }
            boolean[] used = new boolean[edges.size()];
            Map<Integer, Integer> cursor = new HashMap<>();
            Deque<Integer> stack = new ArrayDeque<>();
            List<Integer> circuit = new ArrayList<>();
            stack.push(start);
            while (!stack.isEmpty()) {
                int node = stack.peek();
                List<Integer> around = incident.getOrDefault(node, List.of());
                int at = cursor.getOrDefault(node, 0);
                while (at < around.size() && used[around.get(at)]) {
                    at++;
                }
                cursor.put(node, at);
                if (at == around.size()) {
                    circuit.add(stack.pop());
                } else {
                    int e = around.get(at);
                    used[e] = true;
                    stack.push(edges.get(e)[0] == node ? edges.get(e)[1] : edges.get(e)[0]);
                }
            }
            LinkedHashSet<Integer> picks = new LinkedHashSet<>();
            for (int node : circuit) {
                if (node >= 0) {
                    picks.add(node);
                }
            }
            return picks.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
