package io.stowage.picking.routing;

import io.stowage.picking.PickingException;
import io.stowage.picking.layout.GridWarehouse;
import io.stowage.picking.layout.WarehouseLayout;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PickRouterTest {

    private final WarehouseLayout singleBlock = new GridWarehouse(10, 1, 20, 1.0, 3.0, 2.0, 0.0).build();
    private final WarehouseLayout threeBlocks = new GridWarehouse(10, 3, 8, 1.0, 3.0, 2.0, 15.0).build();

    @Test
    void bestIsExactOnShortListsAndSingleBlocks() {
        Random random = new Random(5);
        assertThat(PickRouter.route(threeBlocks, RandomPickLists.draw(threeBlocks, 8, random)).method()).isEqualTo("held-karp");
        assertThat(PickRouter.route(singleBlock, RandomPickLists.draw(singleBlock, 40, random)).method()).isEqualTo("ratliff-rosenthal");
        assertThat(PickRouter.route(threeBlocks, RandomPickLists.draw(threeBlocks, 40, random)).method()).isEqualTo("local-search");
    }

    @Test
    void everyLocationIsVisitedOnceEvenWhenTwoShareAWalkingPosition() {
        Route route = PickRouter.route(singleBlock, List.of("A03-004-L", "A03-004-R", "A07-015-L", "A03-004-L"));
        assertThat(route.stops()).containsExactlyInAnyOrder("A03-004-L", "A03-004-R", "A07-015-L");
        assertThat(route.stops().indexOf("A03-004-R")).isEqualTo(route.stops().indexOf("A03-004-L") + 1);
    }

    @Test
    void anEmptyListIsAnEmptyRoute() {
        assertThat(PickRouter.route(singleBlock, List.of()).lengthMetres()).isZero();
    }

    @Test
    void optaPlannerKeepsOrShortensTheLocalSearchRoute() {
        List<String> picks = RandomPickLists.draw(threeBlocks, 35, new Random(6));
        Route localSearch = PickRouter.route(threeBlocks, picks, RoutingMethod.LOCAL_SEARCH);
        Route optaPlanner = PickRouter.route(threeBlocks, picks, RoutingMethod.OPTAPLANNER);
        assertThat(optaPlanner.stops()).containsExactlyInAnyOrderElementsOf(localSearch.stops());
        assertThat(optaPlanner.lengthMetres()).isLessThanOrEqualTo(localSearch.lengthMetres());
    }

    @Test
    void exactMethodsRefuseWhatTheyCannotSolve() {
        List<String> many = RandomPickLists.draw(threeBlocks, 60, new Random(7));
        assertThatThrownBy(() -> PickRouter.route(threeBlocks, many, RoutingMethod.RATLIFF_ROSENTHAL)).isInstanceOf(PickingException.class);
        assertThatThrownBy(() -> PickRouter.route(threeBlocks, many, RoutingMethod.HELD_KARP)).isInstanceOf(PickingException.class);
        assertThatThrownBy(() -> PickRouter.route(threeBlocks, List.of("nowhere"))).isInstanceOf(PickingException.class);
    }
}
