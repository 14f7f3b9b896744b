package io.stowage.api.dayplan;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/** Two instances polling for due day plans never run the same node's day at the same time. */
@ResourceLock(value = ApiTest.SECOND_INSTANCES, mode = ResourceAccessMode.READ)
@Tag("slow")
class DayPlanTwoInstancesTest extends ApiTest {

    @Autowired
    DatabaseClient db;

    @Test
    void twoInstancesNeverPlanTheSameNodeAndDayAtOnce() {
        DayPlanFloor floor = DayPlanFloor.create(this, 40);
        for (int i = 0; i < 12; i++) {
            floor.order("o" + i, i % 3 == 0 ? "LV" : "LT", 1 + i % 3, i % 4 == 0 ? "pickup_point" : "standard", null, null);
        }
        try (ConfigurableApplicationContext second = secondInstance("stowage.dayplan.poll-interval=PT0.1S")) {
            // Runs asked for while one is under way make another follow it; both instances race to claim each.
            for (int round = 0; round < 4; round++) {
                int asked = round;
                floor.supervisor().post().uri("/api/v1/nodes/{code}/day-plans/runs", floor.world.node).exchange().expectStatus().isAccepted();
                Eventually.await(() -> Boolean.TRUE.equals(floor.plan().get("running")) || DayPlanFloor.maps(floor.plan().get("runs")).size() > asked);
            }
            floor.awaitRun(2);
            Eventually.await(() -> !Boolean.TRUE.equals(floor.plan().get("running")) && !"requested".equals(floor.plan().get("next_run_reason")));
        }
        List<Map<String, Object>> runs = DayPlanFloor.maps(floor.plan().get("runs"));
        assertThat(runs).hasSizeGreaterThanOrEqualTo(2);
        for (int i = 1; i < runs.size(); i++) {
            OffsetDateTime previousEnd = OffsetDateTime.parse((String) runs.get(i - 1).get("finished_at"));
            OffsetDateTime start = OffsetDateTime.parse((String) runs.get(i).get("started_at"));
            assertThat(start).as("run %s started before run %s ended", runs.get(i).get("run"), runs.get(i - 1).get("run"))
                    .isAfterOrEqualTo(previousEnd);
        }
        assertThat(floor.parcels()).hasSize(12);
    }
}
