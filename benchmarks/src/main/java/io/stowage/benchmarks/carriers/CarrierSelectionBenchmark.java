package io.stowage.benchmarks.carriers;

import io.stowage.carriers.label.LabelRenderer;
import io.stowage.carriers.ratecard.InMemoryTrackingNumberSequence;
import io.stowage.carriers.ratecard.RateCardCarrier;
import io.stowage.carriers.ratecard.RateCardLoader;
import io.stowage.carriers.selection.DayPlan;
import io.stowage.carriers.selection.DayPlanSolver;
import io.stowage.carriers.selection.DayPlanSummary;
import io.stowage.carriers.selection.GreedyDayPlanner;
import io.stowage.carriers.spi.Carrier;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Compares the greedy baseline with the OptaPlanner day solver on generated days of 500 to 5,000
 * parcels leaving a Riga warehouse, priced on the sample rate cards. Prints total cost, promises
 * kept, parcels over carrier capacity and the time each took.
 * <p>
 * Run: {@code mvn -B -q -pl benchmarks -am install -DskipTests && mvn -B -q -pl benchmarks exec:java
 * -Dexec.mainClass=io.stowage.benchmarks.carriers.CarrierSelectionBenchmark}. Optional arguments:
 * solver seconds per 1,000 parcels (default 4) and parcel counts.
 */
public final class CarrierSelectionBenchmark {

    private CarrierSelectionBenchmark() {
    }

    public static void main(String[] args) {
        double secondsPerThousand = args.length > 0 ? Double.parseDouble(args[0]) : 4;
        int[] sizes = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {500, 1_000, 2_000, 5_000};
        List<Carrier> carriers = new RateCardLoader().loadSamples().stream()
                .<Carrier>map(card -> new RateCardCarrier(card, new InMemoryTrackingNumberSequence(1), new LabelRenderer()))
                .toList();

        System.out.println("Carrier selection: greedy baseline vs OptaPlanner (BAVET, first fit decreasing + tabu search)");
        System.out.println("Sample tariffs, Riga warehouse, carriers latvijas-pasts / omniva / dpd-baltics; costs in EUR");
        System.out.printf(Locale.ROOT, "%-7s %-8s %12s %16s %10s %10s %9s %10s%n",
                "parcels", "planner", "total cost", "promises kept", "choice ok", "over cap", "pref ok", "time ms");
        for (int size : sizes) {
            DayPlan problem = GeneratedDay.generate(carriers, size, 42L + size);

            long greedyStart = System.nanoTime();
            DayPlan greedy = new GreedyDayPlanner().plan(problem);
            long greedyMillis = (System.nanoTime() - greedyStart) / 1_000_000;
            print(size, "greedy", DayPlanSummary.of(greedy), greedyMillis);

            Duration limit = Duration.ofMillis((long) (secondsPerThousand * Math.max(1, size / 1000.0) * 1000));
            DayPlanSolver solver = new DayPlanSolver(limit, limit.dividedBy(4));
            long solverStart = System.nanoTime();
            DayPlan solved = solver.solve(problem);
            long solverMillis = (System.nanoTime() - solverStart) / 1_000_000;
            print(size, "solver", DayPlanSummary.of(solved), solverMillis);
            System.out.println("        solver score " + solved.getScore() + " (time limit " + limit.toMillis() + " ms)");
        }
    }

    private static void print(int size, String planner, DayPlanSummary summary, long millis) {
        System.out.printf(Locale.ROOT, "%-7d %-8s %12.2f %10d/%-5d %10d %10d %9d %10d%n", size, planner,
                summary.totalCostMinor() / 100.0, summary.promisesKept(), summary.parcels(), summary.choicesHonoured(),
                summary.capacityExcess(), summary.onPreferredCarrier(), millis);
    }
}
