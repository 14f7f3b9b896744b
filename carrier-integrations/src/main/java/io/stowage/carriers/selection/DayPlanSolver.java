package io.stowage.carriers.selection;

import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicType;
import org.optaplanner.core.config.heuristic.selector.move.composite.CartesianProductMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
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
 * option given those placed before; local search then moves parcels between their options, one or
 * two at a time, until the time limit or until it stops finding improvements.
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
                        // Swap moves are useless here: two parcels never share an option object. When a
                        // cheap carrier is full, the improvement needs two changes at once: one parcel
                        // leaves the carrier and another takes its place, hence the paired change moves.
                        new LocalSearchPhaseConfig()
                                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(
                                        new ChangeMoveSelectorConfig(),
                                        new CartesianProductMoveSelectorConfig().withMoveSelectors(
                                                new ChangeMoveSelectorConfig(), new ChangeMoveSelectorConfig())))
                                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(400))
                                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)));
        this.solverFactory = SolverFactory.create(config);
    }

    /** Returns a new, solved plan; the problem passed in is not changed. */
    public DayPlan solve(DayPlan problem) {
        Solver<DayPlan> solver = solverFactory.buildSolver();
        return solver.solve(problem.unassignedCopy());
    }
}
