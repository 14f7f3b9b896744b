package io.stowage.api.handheld;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** The handheld's other tasks against the real service: a blind cycle count, and a put-back after a cancelled order. */
class HandheldTasksTest extends ApiTest {

    @Autowired
    Environment environment;

    @TempDir
    Path device;

    private String server() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    @Test
    void aBlindCountNeverShowsTheBooksAndTheSupervisorSeesTheVariance() {
        HandheldFloor floor = HandheldFloor.create(this);
        floor.stock("TEE-M-NAVY", "P-03-01-A", 5, null, null);
        floor.supervisor().post().uri("/api/v1/count-tasks").bodyValue(Map.of("location_codes", List.of("P-03-01-A")))
                .exchange().expectStatus().isCreated();
        ScriptedHandheld rf = new ScriptedHandheld(server(), device, "RF-COUNT", 20, 16);

        rf.expect(floor.receiverBadge, "Enter PIN");
        rf.expect(HandheldFloor.RECEIVER_PIN, "Choose a task");
        rf.choose("Count");
        rf.expect("1", "Go to P-03-01-A");
        rf.expectRefused("P-03-03-A", "go to P-03-01-A");
        rf.expect("P-03-01-A", "Scan every item");
        rf.expectRefused("5", "Scan an item first");
        rf.expect(floor.gtins.get("TEE-M-NAVY"), "1 x GTIN");
        rf.expect("4", "4 x GTIN");
        rf.expect("", "Enter to send count");
        assertThat(rf.transcript()).doesNotContain(" 5 ", "expected");
        rf.expect("", "Count sent for P-03-01-A");

        Map<?, ?> tasks = floor.supervisor().get().uri("/api/v1/count-tasks?status=counted").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String taskId = (String) ((List<Map<?, ?>>) tasks.get("items")).get(0).get("id");
        Map<?, ?> review = floor.supervisor().get().uri("/api/v1/count-tasks/{id}", taskId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<?, ?>>) review.get("lines")).singleElement().satisfies(line -> {
            assertThat(line.get("sku")).isEqualTo("TEE-M-NAVY");
            assertThat(line.get("counted")).isEqualTo(4);
            assertThat(line.get("variance")).isEqualTo(-1);
        });
        floor.assertBooksAgree();
    }

    @Test
    void unitsOfACancelledOrderArePutBackFromThePackStation() {
        HandheldFloor floor = HandheldFloor.create(this);
        floor.stock("TEE-L-NAVY", "P-03-03-A", 3, null, null);
        String order = floor.order("back-" + floor.node, "TEE-L-NAVY", 2);
        floor.releasedWave();
        ScriptedHandheld rf = new ScriptedHandheld(server(), device, "RF-BACK", 40, 16);
        rf.expect(floor.pickerBadge, "Enter PIN");
        rf.expect(HandheldFloor.PICKER_PIN, "Choose a task");
        rf.choose("Pick");
        HandheldEndToEndTest.pickTheBatch(rf, floor, "P-03-03-A", "P-03-01-A");
        rf.expect("<ESC>", "Choose a task");

        floor.merchant().post().uri("/api/v1/orders/{id}/cancel", order).exchange().expectStatus().is2xxSuccessful();
        rf.choose("Put back");
        Eventually.until(() -> rf.feed(""), screen -> screen.contains("Go to PACK-1"));
        rf.expect("PACK-1", "Scan item");
        rf.expect(floor.gtins.get("TEE-L-NAVY"), "Qty 1 of 2");
        rf.expect("", "press F2 to confirm short");
        rf.expect("2", "Go to ");
        String shelf = rf.read("Go to (\\S+)");
        rf.expectRefused("PACK-1", "go to " + shelf);
        rf.expect(shelf, "Done: Put back TEE-L-NAVY x2 PACK-1>" + shelf);

        assertThat(floor.movements("TEE-L-NAVY")).extracting(m -> m.get("kind")).contains("pick", "put_back");
        floor.assertBooksAgree();
    }
    @Test
    void aShortPickSendsThePickerToTheShelfTheServiceChoseForTheRest() {
        HandheldFloor floor = HandheldFloor.create(this);
        floor.stock("TEE-M-NAVY", "P-03-01-A", 3, null, null);
        floor.stock("TEE-M-NAVY", "P-04-04-A", 2, null, null);
        floor.stock("TEE-L-NAVY", "P-03-03-A", 2, null, null);
        String order = floor.order("short-" + floor.node, "TEE-M-NAVY", 2, "TEE-L-NAVY", 1);
        floor.releasedWave();
        ScriptedHandheld rf = new ScriptedHandheld(server(), device, "RF-SHORT", 40, 16);
        rf.expect(floor.pickerBadge, "Enter PIN");
        rf.expect(HandheldFloor.PICKER_PIN, "Choose a task");
        rf.choose("Pick");
        String first = rf.read("Go to (\\S+)");
        rf.expect("<F3>", "Skipped: " + first + " comes last");
        assertThat(rf.read("Go to (\\S+)")).isNotEqualTo(first);

        boolean shorted = false;
        List<String> visited = new java.util.ArrayList<>();
        while (rf.flat().contains("Go to ")) {
            String location = rf.read("Go to (\\S+)");
            String sku = rf.read("(\\S+) Qty \\d+ Tote");
            int tote = Integer.parseInt(rf.read("Tote (\\d+)"));
            rf.expect(location, "Scan item");
            rf.expect(floor.gtins.get(sku), "");
            if ("P-03-01-A".equals(location)) {
                rf.expect("<F2>", "Short: 1 of 2");
                rf.expect("T" + tote, "Picked 1 TEE-M-NAVY; rest from 1 other place");
                shorted = true;
                visited.add(location);
                continue;
            }
            if (rf.instruction().startsWith("Qty")) {
                rf.feed(rf.read("Qty \\d+ of (\\d+)"));
            }
            rf.expect("T" + tote, "Picked");
            visited.add(location);
        }
        assertThat(shorted).isTrue();
        assertThat(visited).as("the rest is picked where the service sent the picker after the short")
                .containsSubsequence("P-03-01-A", "P-04-04-A").hasSize(3);
        assertThat(rf.flat()).contains("Batch done");
        assertThat(floor.orderStatus(order)).isEqualTo("picked");
        assertThat(floor.movements("TEE-M-NAVY")).extracting(m -> m.get("kind")).contains("short_pick");
        floor.assertBooksAgree();
    }

    @Test
    void aReplenishmentIsWalkedFromReserveToTheFaceAndThePickFollows() {
        HandheldFloor floor = HandheldFloor.create(this);
        // A pick face beside the reserve aisles: P-05-01-A holds TEE-M-NAVY, at least 2.
        admin().post().uri("/api/v1/nodes/{code}/rack-layouts", floor.node).bodyValue(Map.of(
                        "zone_code", "P", "type", "pick_face", "aisles", Map.of("from", 5, "to", 5), "bays", Map.of("from", 1, "to", 2),
                        "levels", List.of("A"), "aisle_pitch_mm", 3000, "bay_width_mm", 1200,
                        "origin", Map.of("x_mm", 3000, "y_mm", 0), "both_sides", false))
                .exchange().expectStatus().isCreated();
        admin().patch().uri("/api/v1/nodes/{code}/locations/{location}", floor.node, "P-05-01-A")
                .bodyValue(Map.of("pick_face", Map.of("merchant_id", floor.merchantId, "sku", "TEE-M-NAVY"), "pick_face_min", 2))
                .exchange().expectStatus().isOk();
        floor.stock("TEE-M-NAVY", "P-05-01-A", 1, null, null);
        floor.stock("TEE-M-NAVY", "P-04-04-A", 6, null, null);
        String order = floor.order("replenish-" + floor.node, "TEE-M-NAVY", 3);
        floor.releasedWave();
        ScriptedHandheld rf = new ScriptedHandheld(server(), device, "RF-REPL", 40, 16);
        rf.expect(floor.pickerBadge, "Enter PIN");
        rf.expect(HandheldFloor.PICKER_PIN, "Choose a task");
        rf.choose("Replenish");
        assertThat(rf.flat()).contains("Go to P-04-04-A", "TEE-M-NAVY", "to P-05-01-A");
        int quantity = Integer.parseInt(rf.read("Take (\\d+) to P-05-01-A"));
        rf.expectRefused("P-05-01-A", "go to P-04-04-A");
        rf.expect("P-04-04-A", "Scan item");
        rf.expectRefused(floor.gtins.get("TEE-L-NAVY") + "X", "scan item TEE-M-NAVY");
        rf.expect(floor.gtins.get("TEE-M-NAVY"), "Qty 1 of " + quantity);
        rf.expectRefused(String.valueOf(quantity + 1), "Only " + quantity + " wanted");
        rf.expect(String.valueOf(quantity), "Go to P-05-01-A");
        rf.expectRefused("P-04-04-A", "go to P-05-01-A");
        rf.expect("P-05-01-A", "Done: Replenish TEE-M-NAVY x" + quantity + " P-04-04-A>P-05-01-A");
        rf.expect("<ESC>", "Choose a task");

        rf.choose("Pick");
        HandheldEndToEndTest.pickTheBatch(rf, floor, "P-05-01-A", "P-04-04-A");
        assertThat(floor.orderStatus(order)).isEqualTo("picked");
        assertThat(floor.movements("TEE-M-NAVY")).extracting(m -> m.get("kind")).contains("replenishment", "pick");
        floor.assertBooksAgree();
    }
}
