package io.stowage.api.handheld;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The scripted handheld takes an order from the shelf to the trailer and back: the picker's screen
 * names the product with its size and colour, the packer scans a tote and every unit into a carton
 * (a unit of another order and one too many ring the bell and change nothing), takes the suggested
 * box, weighs it and reads the label's SSCC; the dock scans that SSCC onto the carrier's load, takes
 * it off again (F2) and back on, and closes the load; a returns worker scans the RMA and grades each unit with a key. At the end the ledger
 * and the reconciliations agree and nothing waits on the device.
 */
class HandheldShippingTest extends ApiTest {

    @Autowired
    Environment environment;

    @TempDir
    Path device;

    private String server() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    @Test
    void packsLoadsAndTakesBackAReturnWithTheBooksInAgreement() throws Exception {
        HandheldFloor floor = HandheldFloor.create(this);
        floor.stock("TEE-M-NAVY", "P-03-01-A", 4, null, null);
        floor.stock("TEE-L-NAVY", "P-03-03-A", 2, null, null);
        floor.boxes("BOX-HH", 400, 300, 150, 120, 10);
        String packer = floor.newWorker("packer");
        String returnsWorker = floor.newWorker("returns");
        String order = floor.order("pack-" + floor.node, "TEE-M-NAVY", 2, "TEE-L-NAVY", 1);
        floor.releasedWave();
        Path labels = device.resolve("labels");
        ScriptedHandheld rf = new ScriptedHandheld(server(), device.resolve("rf"), "RF-SHIP", 40, 16, "--label-dir", labels.toString(),
                "--label-format", "zpl");

        rf.expect(floor.pickerBadge, "Enter PIN");
        rf.expect(HandheldFloor.PICKER_PIN, "Choose a task");
        rf.choose("Pick");
        assertThat(rf.flat()).as("the pick screen names the product, its size and colour").containsPattern("Linen tee [ML] navy")
                .containsPattern("size [ML], colour Navy");
        HandheldEndToEndTest.pickTheBatch(rf, floor, "P-03-01-A", "P-03-03-A");
        rf.expect("<ESC>", "Choose a task");
        rf.expect("<F10>", "Scan your badge");

        rf.expect(packer, "Enter PIN");
        rf.expect(HandheldFloor.OTHER_PIN, "Choose a task");
        assertThat(rf.screen()).contains("Pack", "Load").doesNotContain(" Pick", "Returns");
        rf.choose("Pack");
        rf.expectRefused("T1", "scan the pack station");
        rf.expect("PACK-1", "Scan tote or order");
        rf.expectRefused("T7", "Tote 7 holds nothing picked here");
        rf.expect("T1", "Scan item (3 left)");
        assertThat(rf.flat()).contains("2x Linen tee M navy: size M, colour Navy", "1x Linen tee L navy: size L, colour Navy");
        rf.expectRefused(floor.gtins.get("MILK-1L"), "to pack here");
        rf.expect(floor.gtins.get("TEE-M-NAVY"), "Scan item (2 left)");
        rf.expect(floor.gtins.get("TEE-M-NAVY"), "Scan item (1 left)");
        rf.expectRefused(floor.gtins.get("TEE-M-NAVY"), "too many");
        rf.expect(floor.gtins.get("TEE-L-NAVY"), "Scan box");
        assertThat(rf.flat()).contains("Suggested BOX-HH");
        rf.expect("", "Type weight in g");
        int weight = Integer.parseInt(rf.read("About (\\d+) g"));
        rf.expect(String.valueOf(weight), "Carton closed");
        Eventually.until(() -> rf.feed(""), screen -> screen.contains("SSCC "));
        String sscc = rf.read("SSCC (\\d{18})");
        String carrier = rf.read("SSCC \\d{18} (\\S+)");
        assertThat(rf.transcript()).as("the label is printed once bought").contains("Label saved as");
        try (var saved = Files.list(labels)) {
            assertThat(saved.toList()).singleElement().satisfies(file -> assertThat(Files.readString(file)).contains("^XA"));
        }
        rf.expect("", "Nothing left to pack here");
        assertThat(floor.orderStatus(order)).isEqualTo("packed");

        rf.expect("<ESC>", "Choose a task");
        rf.choose("Load");
        rf.expect("DOCK-1", "Choose carrier");
        rf.expect(rf.read("(\\d+) " + carrier + " "), "Scan carton SSCC");
        rf.expectRefused(floor.gtins.get("TEE-M-NAVY"), "scan a carton's SSCC");
        rf.expect("(00)" + sscc, "Loaded " + sscc);
        rf.expectRefused(sscc, "on this load already");
        rf.expect("<F2>", "Scan carton to take off");
        rf.expectRefused(floor.gtins.get("TEE-M-NAVY"), "scan a carton's SSCC");
        rf.expect(sscc, "Took " + sscc + " off");
        assertThat(rf.flat()).contains("Scan carton SSCC", carrier + ": 0 parcels", "1 labelled not loaded");
        rf.expect("<F2>", "Scan carton to take off");
        rf.expectRefused(sscc, "is not on this load");
        rf.expect("<ESC>", "Scan carton SSCC");
        rf.expect(sscc, "Loaded " + sscc);
        assertThat(rf.flat()).contains(carrier + ": 1 parcels");
        rf.expect("", "Close load? Enter");
        rf.expect("", "Load closed");
        String manifest = rf.read("Manifest (\\S+)");
        assertThat(manifest).contains(carrier.toUpperCase());
        rf.expect("", "Choose a task");
        rf.expect("<F10>", "Scan your badge");
        assertThat(floor.orderStatus(order)).isEqualTo("shipped");

        floor.merchant().put().uri("/api/v1/return-policy").bodyValue(Map.of("window_days", 30, "non_returnable_skus", List.of(),
                        "reasons", List.of("changed_mind", "damaged"), "label_paid_by", "merchant", "exchanges_allowed", false))
                .exchange().expectStatus().isOk();
        Map<?, ?> opened = floor.merchant().post().uri("/api/v1/returns").header("Idempotency-Key", "rma-" + floor.node)
                .bodyValue(Map.of("order_id", order, "items", List.of(
                        Map.of("sku", "TEE-M-NAVY", "quantity", 1, "reason", "changed_mind"),
                        Map.of("sku", "TEE-L-NAVY", "quantity", 1, "reason", "damaged"))))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String rma = (String) opened.get("rma");

        rf.expect(returnsWorker, "Enter PIN");
        rf.expect(HandheldFloor.OTHER_PIN, "Choose a task");
        rf.choose("Returns");
        rf.expectRefused("RMA-NOSUCH1", "RMA-NOSUCH1");
        rf.expect(rma, "Scan location");
        rf.expect("P-04-01-A", "Scan item");
        rf.expect(floor.gtins.get("TEE-M-NAVY"), "Grade: key 1-4");
        rf.expectRefused("7", "1 restock, 2 refurbish");
        rf.expect("1", "restock");
        rf.expect(floor.gtins.get("TEE-L-NAVY"), "Grade: key 1-4");
        rf.expect("3", "quarantine");
        rf.expect("", "Send receipt? Enter");
        assertThat(rf.flat()).contains("1 restock", "1 quarantine");
        rf.expect("", "Received " + rma);

        assertThat(floor.movements("TEE-M-NAVY")).extracting(m -> m.get("kind")).contains("pick", "return_receipt");
        Map<?, ?> received = floor.merchant().get().uri("/api/v1/returns/{id}", opened.get("id")).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<?, ?>>) received.get("grades")).extracting(g -> g.get("sku") + " " + g.get("grade"))
                .containsExactlyInAnyOrder("TEE-M-NAVY restock", "TEE-L-NAVY quarantine");
        floor.assertBooksAgree();
        assertThat(device.resolve("rf/queue/pending")).isEmptyDirectory();
        assertThat(rf.transcript()).doesNotContain("Exception", "at io.stowage");
    }

    /**
     * A packer's device dies mid-carton and they take another: the new device's Pack screen offers to
     * continue their open session (another packer's device offers it to nobody else), and the carton
     * goes on with the unit already in it; the order is packed once, with each unit once.
     */
    @Test
    void aPackerContinuesTheirOpenSessionOnAnotherDevice() throws Exception {
        HandheldFloor floor = HandheldFloor.create(this);
        floor.stock("TEE-M-NAVY", "P-03-01-A", 3, null, null);
        floor.boxes("BOX-RES", 400, 300, 150, 120, 5);
        String packer = floor.newWorker("picker", "packer");
        String otherPacker = floor.newWorker("packer");
        String order = floor.order("resume-pack-" + floor.node, "TEE-M-NAVY", 2);
        floor.releasedWave();

        ScriptedHandheld first = new ScriptedHandheld(server(), device.resolve("first"), "RF-FIRST", 40, 16);
        first.expect(packer, "Enter PIN");
        first.expect(HandheldFloor.OTHER_PIN, "Choose a task");
        first.choose("Pick");
        HandheldEndToEndTest.pickTheBatch(first, floor, "P-03-01-A", "P-03-02-A");
        first.expect("<ESC>", "Choose a task");
        first.choose("Pack");
        assertThat(first.flat()).contains("Scan pack station").doesNotContain("continue yours");
        first.expect("PACK-1", "Scan tote or order");
        first.expect("T1", "Scan item (2 left)");
        first.expect(floor.gtins.get("TEE-M-NAVY"), "Scan item (1 left)");

        ScriptedHandheld other = new ScriptedHandheld(server(), device.resolve("other"), "RF-OTHER", 40, 16);
        other.expect(otherPacker, "Enter PIN");
        other.expect(HandheldFloor.OTHER_PIN, "Choose a task");
        other.choose("Pack");
        assertThat(other.flat()).as("another packer's session is not offered").contains("Scan pack station").doesNotContain("continue yours");

        ScriptedHandheld second = new ScriptedHandheld(server(), device.resolve("second"), "RF-SECOND", 40, 16);
        second.expect(packer, "Enter PIN");
        second.expect(HandheldFloor.OTHER_PIN, "Choose a task");
        second.choose("Pack");
        assertThat(second.flat()).contains("Scan pack station", "Or continue yours:", "1 PACK-1 T1 1 ord");
        second.expectRefused("2", "1 to 1");
        second.expect("1", "Continuing at PACK-1");
        assertThat(second.flat()).contains("PACK 1 in carton", "Scan item (1 left)");
        second.expect(floor.gtins.get("TEE-M-NAVY"), "Scan box");
        second.expect("", "Type weight in g");
        int weight = Integer.parseInt(second.read("About (\\d+) g"));
        second.expect(String.valueOf(weight), "Carton closed");

        assertThat(floor.orderStatus(order)).isEqualTo("packed");
        List<Map<?, ?>> cartons = floor.merchant().get().uri("/api/v1/orders/{id}/cartons", order).exchange().expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        assertThat(cartons).as("one carton, with both units once").singleElement().satisfies(carton -> {
            assertThat(carton.get("status")).isEqualTo("closed");
            assertThat((List<Map<?, ?>>) carton.get("lines")).extracting(line -> (Object) line.get("quantity")).containsExactly(2);
        });
        floor.assertBooksAgree();
        assertThat(second.transcript()).doesNotContain("Exception", "at io.stowage");
    }

    /**
     * Packing without the network: each unit scanned is saved on the device with its own
     * Idempotency-Key before the screen says so; a scan the service applied but whose answer was lost
     * is sent again and applied once; the close waits on the device for the service, and its answer
     * is asked for again with the same key when the network is back.
     */
    @Test
    void packScansMadeOfflineAreSavedFirstAndAppliedOnceWhenTheNetworkIsBack() throws Exception {
        HandheldFloor floor = HandheldFloor.create(this);
        floor.stock("TEE-M-NAVY", "P-03-01-A", 3, null, null);
        floor.boxes("BOX-OFF", 400, 300, 150, 120, 5);
        String packer = floor.newWorker("picker", "packer");
        String order = floor.order("offline-pack-" + floor.node, "TEE-M-NAVY", 2);
        floor.releasedWave();
        try (DroppingProxy proxy = new DroppingProxy(Integer.parseInt(environment.getProperty("local.server.port")))) {
            ScriptedHandheld rf = new ScriptedHandheld(proxy.url(), device, "RF-OFFPACK", 40, 16);
            rf.expect(packer, "Enter PIN");
            rf.expect(HandheldFloor.OTHER_PIN, "Choose a task");
            rf.choose("Pick");
            HandheldEndToEndTest.pickTheBatch(rf, floor, "P-03-01-A", "P-03-02-A");
            rf.expect("<ESC>", "Choose a task");
            rf.choose("Pack");
            rf.expect("PACK-1", "Scan tote or order");
            rf.expect("T1", "Scan item (2 left)");

            proxy.set(DroppingProxy.Mode.REFUSE);
            rf.expect(floor.gtins.get("TEE-M-NAVY"), "Saved on device, 1 to send");
            assertThat(rf.flat()).contains("OFFLINE 1 to send", "Scan item (1 left)");
            List<Path> pending;
            try (var files = Files.list(device.resolve("queue/pending"))) {
                pending = files.toList();
            }
            assertThat(pending).singleElement().satisfies(file -> assertThat(Files.readString(file))
                    .containsPattern("\"idempotency_key\":\"RF-OFFPACK-[0-9a-f-]{36}\"")
                    .containsPattern("\"path\":\"/cartons/[0-9a-f-]{36}/units\""));

            // The service gets the queued scan but its answer is lost: the scan stays queued, and so does the next one.
            proxy.set(DroppingProxy.Mode.SWALLOW_ANSWERS);
            rf.expect(floor.gtins.get("TEE-M-NAVY"), "Saved on device, 2 to send");
            assertThat(rf.instruction()).isEqualTo("Scan box");
            proxy.set(DroppingProxy.Mode.REFUSE);
            rf.expect("", "Type weight in g");
            int weight = Integer.parseInt(rf.read("About (\\d+) g"));
            rf.expect(String.valueOf(weight), "Waiting for service");
            assertThat(rf.flat()).contains("3 to send");
            rf.expectRefused("", "Still 3 to send");

            proxy.set(DroppingProxy.Mode.PASS);
            rf.expect("", "Carton closed");
            assertThat(device.resolve("queue/pending")).isEmptyDirectory();
            assertThat(floor.orderStatus(order)).isEqualTo("packed");
            List<Map<?, ?>> cartons = floor.merchant().get().uri("/api/v1/orders/{id}/cartons", order).exchange().expectStatus().isOk()
                    .expectBody(List.class).returnResult().getResponseBody();
            assertThat(cartons).as("one carton, closed, with each unit once").singleElement().satisfies(carton -> {
                assertThat(carton.get("status")).isEqualTo("closed");
                assertThat(carton.get("weight_grams")).isEqualTo(weight);
                assertThat((List<Map<?, ?>>) carton.get("lines")).extracting(line -> (Object) line.get("quantity")).containsExactly(2);
            });
            floor.assertBooksAgree();
        }
    }
}
