package io.stowage.api.handheld;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The network drops in the middle of a batch. The picker's handheld (a real client process, behind
 * a proxy the test cuts) goes on: one confirmation reaches the service but its answer is lost, the
 * next is scanned with no network at all, and with the wrong product. The client is stopped and
 * started again on the same device; it sends the queue in order as soon as the service answers:
 * the first is replayed by its Idempotency-Key (not applied twice), the second is refused after the
 * fact and shown to the picker, who marks it seen and picks that task again. Nothing is lost, no
 * unit is picked twice, and the books agree.
 */
@Tag("slow")
class OfflineRestartTest extends ApiTest {

    private static final LocalDate EXPIRY = LocalDate.of(2027, 3, 31);

    @Autowired
    Environment environment;

    @TempDir
    Path device;

    @Test
    void aCutConnectionLosesNothingAndAppliesNothingTwice() throws Exception {
        HandheldFloor floor = HandheldFloor.create(this);
        floor.stock("TEE-M-NAVY", "P-03-01-A", 5, null, null);
        floor.stock("TEE-L-NAVY", "P-03-03-A", 5, null, null);
        floor.stock("MILK-1L", "P-04-02-A", 5, "L42", EXPIRY);
        String order = floor.order("cut-" + floor.node, "TEE-M-NAVY", 1, "TEE-L-NAVY", 1, "MILK-1L", 1);
        floor.releasedWave();

        try (DroppingProxy proxy = new DroppingProxy(Integer.parseInt(environment.getProperty("local.server.port")))) {
            try (ClientProcess first = ClientProcess.start(proxy.url(), device, "RF-CUT")) {
                first.expect(floor.pickerBadge, "Enter PIN");
                first.expect(HandheldFloor.PICKER_PIN, "Choose a task");
                first.choose("Pick");
                pickShown(first, floor, null);
                assertThat(first.flat()).contains("Picked 1");

                proxy.set(DroppingProxy.Mode.SWALLOW_ANSWERS);
                String delivered = pickShown(first, floor, null);
                assertThat(first.flat()).contains("Saved on device, 1 to send", "OFFLINE");
                assertThat(openTasks(floor)).as("the service applied it; the device does not know").hasSize(1);

                proxy.set(DroppingProxy.Mode.REFUSE);
                String wrongSku = "TEE-M-NAVY".equals(skuShown(first)) ? "TEE-L-NAVY" : "TEE-M-NAVY";
                String refusedTask = pickShown(first, floor, wrongSku);
                assertThat(first.flat()).contains("Saved on device, 2 to send", "Batch done on device");
                assertThat(first.finish()).isZero();
                assertThat(first.transcript()).contains("End of script: 2 waiting to send").doesNotContain("Exception");
                assertThat(delivered).isNotEqualTo(refusedTask);
            }
            assertThat(files(device.resolve("queue/pending"))).hasSize(2);
            assertThat(openTasks(floor)).hasSize(1);

            proxy.set(DroppingProxy.Mode.PASS);
            try (ClientProcess second = ClientProcess.start(proxy.url(), device, "RF-CUT")) {
                assertThat(second.flat()).contains("1 REFUSED").doesNotContain("to send");
                second.expect(floor.pickerBadge, "Enter PIN");
                second.expect(HandheldFloor.PICKER_PIN, "0 Queue: 0 to send, 1 refused");
                second.expect("<F5>", "REFUSED 1/1");
                assertThat(second.flat()).contains("Pick " + wrongSkuTask(second), "Service said:");
                second.expect("", "Nothing waiting");
                second.expect("<ESC>", "Choose a task");
                second.choose("Pick");
                pickShown(second, floor, null);
                assertThat(second.flat()).contains("Batch done");
                assertThat(second.finish()).isZero();
            }
        }

        assertThat(files(device.resolve("queue/pending"))).isEmpty();
        assertThat(files(device.resolve("queue/refused"))).isEmpty();
        assertThat(files(device.resolve("queue/resolved"))).hasSize(1);
        assertThat(floor.orderStatus(order)).isEqualTo("picked");
        for (String sku : List.of("TEE-M-NAVY", "TEE-L-NAVY", "MILK-1L")) {
            assertThat(floor.movements(sku)).as(sku).filteredOn(m -> "pick".equals(m.get("kind")))
                    .singleElement().satisfies(m -> assertThat(m.get("quantity")).isEqualTo(1));
        }
        floor.assertBooksAgree();
    }

    private static String skuShown(HandheldScreen rf) {
        return rf.read("(\\S+)(?: lot \\S+)? Qty \\d+ Tote");
    }

    private static String wrongSkuTask(HandheldScreen rf) {
        return rf.read("Pick (\\S+) x1");
    }

    /** Picks the task on the screen, scanning {@code scanSku}'s label when given (a wrong product), else the right one; returns its location. */
    private static String pickShown(HandheldScreen rf, HandheldFloor floor, String scanSku) {
        String location = rf.read("Go to (\\S+)");
        String sku = skuShown(rf);
        int tote = Integer.parseInt(rf.read("Tote (\\d+)"));
        rf.expect(location, "Scan item");
        String scanned = scanSku == null ? sku : scanSku;
        rf.expect(scanned.startsWith("MILK") ? floor.gs1Label(scanned, EXPIRY, "L42") : floor.gtins.get(scanned), "Scan tote " + tote);
        rf.feed("T" + tote);
        return location;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> openTasks(HandheldFloor floor) {
        Map<?, ?> waves = floor.supervisor().get().uri("/api/v1/waves?limit=5").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String waveId = (String) ((List<Map<String, Object>>) waves.get("items")).get(0).get("id");
        Map<?, ?> wave = floor.supervisor().get().uri("/api/v1/waves/{id}", waveId).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) wave.get("batches")).stream()
                .flatMap(batch -> ((List<Map<String, Object>>) batch.get("tasks")).stream())
                .filter(task -> "open".equals(task.get("status"))).toList();
    }

    private static List<Path> files(Path directory) throws Exception {
        try (Stream<Path> listed = Files.list(directory)) {
            return listed.toList();
        }
    }
}
