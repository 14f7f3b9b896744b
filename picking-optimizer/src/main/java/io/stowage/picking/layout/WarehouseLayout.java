package io.stowage.picking.layout;

import io.stowage.picking.PickingException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Blocks of parallel aisles joined by cross aisles, the pick locations in them and the depot, with the
 * real shortest walking distances between all walking positions precomputed once.
 *
 * <p>The walking graph has one node for the depot, one for every aisle/cross-aisle intersection and one
 * for every distinct position along an aisle that holds a location. Routing algorithms work on node
 * numbers; {@link #nodeOf(String)} maps a location code to its node. Aisles are indexed 0..n-1 from
 * left (smallest x) to right; cross aisles 0..m-1 from the front.
 *
 * <p>The distance matrix takes {@code 8 * nodes^2} bytes: about 32 MB for 2,000 walking positions.
 */
public final class WarehouseLayout {

    /** Node number of the depot. */
    public static final int DEPOT = 0;

    private final LayoutDescription description;
    private final Map<String, LayoutLocation> locations;
    private final Map<String, Integer> nodeOfCode;
    private final int[] aisleNumbers;
    private final double[] aisleX;
    private final double[] crossAisleY;
    private final int[] nodeAisle;
    private final double[] nodeY;
    private final double[][] distance;

    private WarehouseLayout(LayoutDescription description, Map<String, LayoutLocation> locations,
                            Map<String, Integer> nodeOfCode, int[] aisleNumbers, double[] aisleX,
                            int[] nodeAisle, double[] nodeY, double[][] distance) {
        this.description = description;
        this.locations = locations;
        this.nodeOfCode = nodeOfCode;
        this.aisleNumbers = aisleNumbers;
        this.aisleX = aisleX;
        this.crossAisleY = description.crossAisles().stream().mapToDouble(Double::doubleValue).toArray();
        this.nodeAisle = nodeAisle;
        this.nodeY = nodeY;
        this.distance = distance;
    }

    /**
     * Builds the layout and precomputes its walking distances.
     *
     * @throws PickingException for duplicate codes, locations outside the cross aisles or unreachable ones
     */
    public static WarehouseLayout of(Collection<LayoutLocation> locations, LayoutDescription description) {
        if (locations.isEmpty()) {
            throw new PickingException("a layout needs at least one location");
        }
        Map<String, LayoutLocation> byCode = new LinkedHashMap<>();
        TreeMap<Integer, double[]> xRangeByAisle = new TreeMap<>();
        for (LayoutLocation location : locations) {
            if (byCode.put(location.code(), location) != null) {
                throw new PickingException("duplicate location code " + location.code());
            }
            if (location.y() < description.frontY() || location.y() > description.backY()) {
                throw new PickingException("location " + location.code() + " lies outside the front and back cross aisles");
            }
            xRangeByAisle.merge(location.aisle(), new double[] {location.x(), location.x()},
                    (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        description.aisleCentres().keySet().forEach(aisle -> xRangeByAisle.putIfAbsent(aisle, null));
        List<Integer> aisles = new ArrayList<>(xRangeByAisle.keySet());
        Map<Integer, Double> centreOf = new HashMap<>();
        for (int aisle : aisles) {
            Double explicit = description.aisleCentres().get(aisle);
            double[] range = xRangeByAisle.get(aisle);
            centreOf.put(aisle, explicit != null ? explicit : (range[0] + range[1]) / 2);
        }
        aisles.sort(Comparator.comparingDouble(centreOf::get));
        int aisleCount = aisles.size();
        int crossCount = description.crossAisles().size();
        int[] aisleNumbers = aisles.stream().mapToInt(Integer::intValue).toArray();
        double[] aisleX = aisles.stream().mapToDouble(centreOf::get).toArray();
        Map<Integer, Integer> indexOfAisle = new HashMap<>();
        for (int i = 0; i < aisleCount; i++) {
            indexOfAisle.put(aisleNumbers[i], i);
        }

        List<Integer> nodeAisle = new ArrayList<>();
        List<Double> nodeY = new ArrayList<>();
        nodeAisle.add(-1);
        nodeY.add(description.frontY());
        List<TreeMap<Double, Integer>> nodesAlongAisle = new ArrayList<>();
        for (int a = 0; a < aisleCount; a++) {
            TreeMap<Double, Integer> along = new TreeMap<>();
            for (int c = 0; c < crossCount; c++) {
                along.put(description.crossAisles().get(c), nodeAisle.size());
                nodeAisle.add(a);
                nodeY.add(description.crossAisles().get(c));
            }
            nodesAlongAisle.add(along);
        }
        Map<String, Integer> nodeOfCode = new HashMap<>();
        for (LayoutLocation location : byCode.values()) {
            int a = indexOfAisle.get(location.aisle());
            Integer node = nodesAlongAisle.get(a).get(location.y());
            if (node == null) {
                node = nodeAisle.size();
                nodeAisle.add(a);
                nodeY.add(location.y());
                nodesAlongAisle.get(a).put(location.y(), node);
            }
            nodeOfCode.put(location.code(), node);
        }

        ShortestPaths graph = new ShortestPaths(nodeAisle.size());
        for (int a = 0; a < aisleCount; a++) {
            List<Map.Entry<Double, Integer>> along = new ArrayList<>(nodesAlongAisle.get(a).entrySet());
            for (int i = 1; i < along.size(); i++) {
                double low = along.get(i - 1).getKey();
                double high = along.get(i).getKey();
                if (!isBlocked(description, aisleNumbers[a], low, high)) {
                    graph.connect(along.get(i - 1).getValue(), along.get(i).getValue(), high - low);
                }
            }
        }
        for (int c = 0; c < crossCount; c++) {
            TreeMap<Double, List<Integer>> acrossByX = new TreeMap<>();
            for (int a = 0; a < aisleCount; a++) {
                acrossByX.computeIfAbsent(aisleX[a], x -> new ArrayList<>()).add(1 + a * crossCount + c);
            }
            if (c == 0) {
                acrossByX.computeIfAbsent(description.depot().x(), x -> new ArrayList<>()).add(DEPOT);
            }
            Integer previous = null;
            double previousX = 0;
            for (Map.Entry<Double, List<Integer>> entry : acrossByX.entrySet()) {
                List<Integer> sameX = entry.getValue();
                for (int i = 1; i < sameX.size(); i++) {
                    graph.connect(sameX.get(0), sameX.get(i), 0);
                }
                if (previous != null) {
                    graph.connect(previous, sameX.get(0), entry.getKey() - previousX);
                }
                previous = sameX.get(0);
                previousX = entry.getKey();
            }
        }
        double[][] distance = graph.allPairs();
        double depotOffset = Math.abs(description.depot().y() - description.frontY());
        for (int node = 1; node < distance.length; node++) {
            distance[DEPOT][node] += depotOffset;
            distance[node][DEPOT] += depotOffset;
        }
        for (Map.Entry<String, Integer> entry : nodeOfCode.entrySet()) {
            if (Double.isInfinite(distance[DEPOT][entry.getValue()])) {
                throw new PickingException("location " + entry.getKey() + " cannot be reached from the depot");
            }
        }
        return new WarehouseLayout(description, byCode, nodeOfCode, aisleNumbers, aisleX,
                nodeAisle.stream().mapToInt(Integer::intValue).toArray(),
                nodeY.stream().mapToDouble(Double::doubleValue).toArray(), distance);
    }

    private static boolean isBlocked(LayoutDescription description, int aisle, double low, double high) {
        return description.blockages().stream()
                .anyMatch(blockage -> blockage.aisle() == aisle && blockage.y() >= low && blockage.y() < high);
    }

    public LayoutDescription description() {
        return description;
    }

    /** The location with this code. */
    public LayoutLocation location(String code) {
        LayoutLocation location = locations.get(code);
        if (location == null) {
            throw new PickingException("unknown location " + code);
        }
        return location;
    }

    public Collection<LayoutLocation> locations() {
        return locations.values();
    }

    /** The walking-graph node where a picker stands to pick from this location. */
    public int nodeOf(String code) {
        Integer node = nodeOfCode.get(code);
        if (node == null) {
            throw new PickingException("unknown location " + code);
        }
        return node;
    }

    /** Shortest walking distance in metres between two nodes. */
    public double distance(int fromNode, int toNode) {
        return distance[fromNode][toNode];
    }

    /** Shortest walking distance in metres between two locations. */
    public double distance(String fromCode, String toCode) {
        return distance(nodeOf(fromCode), nodeOf(toCode));
    }

    public int nodeCount() {
        return nodeY.length;
    }

    public int aisleCount() {
        return aisleNumbers.length;
    }

    public int crossAisleCount() {
        return crossAisleY.length;
    }

    /** True when only a front and a back cross aisle exist. */
    public boolean isSingleBlock() {
        return crossAisleY.length == 2;
    }

    public boolean hasBlockages() {
        return !description.blockages().isEmpty();
    }

    /** The aisle number (as wms-api stores it) of the aisle with this left-to-right index. */
    public int aisleNumber(int aisleIndex) {
        return aisleNumbers[aisleIndex];
    }

    public double aisleX(int aisleIndex) {
        return aisleX[aisleIndex];
    }

    public double crossAisleY(int crossAisleIndex) {
        return crossAisleY[crossAisleIndex];
    }

    /** The node where an aisle meets a cross aisle. */
    public int intersectionNode(int aisleIndex, int crossAisleIndex) {
        return 1 + aisleIndex * crossAisleY.length + crossAisleIndex;
    }

    /** The left-to-right aisle index of a node, or -1 for the depot. */
    public int aisleIndexOf(int node) {
        return nodeAisle[node];
    }

    /** The y position of a node along its aisle. */
    public double yOf(int node) {
        return nodeY[node];
    }

    public double depotX() {
        return description.depot().x();
    }

    /** Distance from the depot to the front cross aisle, walked once each way. */
    public double depotOffset() {
        return Math.abs(description.depot().y() - description.frontY());
    }
}
