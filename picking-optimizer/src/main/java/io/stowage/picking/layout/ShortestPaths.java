package io.stowage.picking.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/** All-pairs shortest walking distances on the aisle graph, by one Dijkstra run per node. */
final class ShortestPaths {

    private final List<List<double[]>> adjacency;

    ShortestPaths(int nodeCount) {
        adjacency = new ArrayList<>(nodeCount);
        for (int i = 0; i < nodeCount; i++) {
            adjacency.add(new ArrayList<>());
        }
    }

    void connect(int a, int b, double length) {
        adjacency.get(a).add(new double[] {b, length});
        adjacency.get(b).add(new double[] {a, length});
    }

    double[][] allPairs() {
        int n = adjacency.size();
        double[][] result = new double[n][];
        for (int source = 0; source < n; source++) {
            result[source] = from(source);
        }
        return result;
    }

    private double[] from(int source) {
        double[] distance = new double[adjacency.size()];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        distance[source] = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>((p, q) -> Double.compare(p[1], q[1]));
        queue.add(new double[] {source, 0});
        while (!queue.isEmpty()) {
            double[] head = queue.poll();
            int node = (int) head[0];
            if (head[1] > distance[node]) {
                continue;
            }
            for (double[] edge : adjacency.get(node)) {
                int next = (int) edge[0];
                double candidate = head[1] + edge[1];
                if (candidate < distance[next]) {
                    distance[next] = candidate;
                    queue.add(new double[] {next, candidate});
                }
            }
        }
        return distance;
    }
}
