package io.stowage.carriers.selection;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicType;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

import java.time.Duration;

/**
 * Plans a day's parcels with OptaPlanner. A construction heuristic places the hardest parcels
 * first (fewest options that keep the promise, see {@link ParcelDifficulty}), each on its best
 * option given those placed before; tabu search then moves parcels between their options, one at a
 * time, until the time limit or until it stops finding improvements.
 */
public final class DayPlanSolver {

    private final SolverFactory<DayPlan> solverFactory;

    /**
     * @param timeLimit       the most the solver may spend
     * @param unimprovedLimit stop earlier when the best score has not improved for this long
     */
    public DayPlanSolver(Duration timeLimit, Duration unimprovedLimit) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(DayPlan.class)
                .withEntityClasses(ParcelAssignment.class)
                .withScoreDirectorFactory(new ScoreDirectorFactoryConfig()
                        .withConstraintProviderClass(DayPlanConstraints.class)
                        .withConstraintStreamImplType(ConstraintStreamImplType.BAVET))
                .withTerminationConfig(new TerminationConfig()
                        .withSpentLimit(timeLimit)
                        .withUnimprovedSpentLimit(unimprovedLimit))
                .withPhases(
                        new ConstructionHeuristicPhaseConfig()
                                .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING),
                        // Swap moves are useless here: two parcels never share an option object. Tabu
                        // search over change moves beat late acceptance and simulated annealing (also
                        // with paired change moves) on the generated days of the benchmark.
                        new LocalSearchPhaseConfig()
                                .withMoveSelectorConfig(new ChangeMoveSelectorConfig())
                                .withAcceptorConfig(new LocalSearchAcceptorConfig().withEntityTabuRatio(0.02))
                                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(200)));
        this.solverFactory = SolverFactory.create(config);
    }

    /**
     * Returns a new, solved plan; the problem passed in is not changed. Parcels without a feasible
     * option are not planned; they come back in {@link DayPlan#getUnplannable()} with their reason.
     */
    public DayPlan solve(DayPlan problem) {
        DayPlan copy = problem.unassignedCopy();
        if (copy.getAssignments().isEmpty()) {
            copy.setScore(HardSoftLongScore.ZERO);
            return copy;
        }
        Solver<DayPlan> solver = solverFactory.buildSolver();
        return solver.solve(copy);
    }
}
