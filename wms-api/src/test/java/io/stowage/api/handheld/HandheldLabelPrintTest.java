package io.stowage.api.handheld;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.ApiTest;
import io.stowage.api.support.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The carton's label from the pack screen to the printer: a local TCP listener stands in for the
 * pack station's label printer (raw port), and the device also keeps PDF copies in a directory.
 * The label prints by itself once the service has bought it, F4 prints it again, and every job the
 * printer receives is byte for byte the ZPL the service serves for that shipment.
 */
class HandheldLabelPrintTest extends ApiTest {

    @Autowired
    Environment environment;

    @TempDir
    Path device;

    @TempDir
    Path labels;

    @Test
    void thePackedCartonsLabelReachesThePrinterAsTheServiceServesIt() throws Exception {
        HandheldFloor floor = HandheldFloor.create(this);
        floor.stock("TEE-M-NAVY", "P-03-01-A", 2, null, null);
        floor.boxes("BOX-LP", 400, 300, 150, 120, 10);
        String packer = floor.newWorker("packer");
        String order = floor.order("label-" + floor.node, "TEE-M-NAVY", 1);
        floor.releasedWave();

        try (ServerSocket printer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<byte[]> jobs = new CopyOnWriteArrayList<>();
            Thread printing = new Thread(() -> receiveJobs(printer, jobs), "test-label-printer");
            printing.setDaemon(true);
            printing.start();
            ScriptedHandheld rf = new ScriptedHandheld("http://127.0.0.1:" + environment.getProperty("local.server.port"), device,
                    "RF-LABEL", 40, 16, "--printer", "127.0.0.1:" + printer.getLocalPort(), "--label-dir", labels.toString());

            rf.expect(floor.pickerBadge, "Enter PIN");
            rf.expect(HandheldFloor.PICKER_PIN, "Choose a task");
            rf.choose("Pick");
            HandheldEndToEndTest.pickTheBatch(rf, floor, "P-03-01-A", "P-03-03-A");
            rf.expect("<ESC>", "Choose a task");
            rf.expect("<F10>", "Scan your badge");

            rf.expect(packer, "Enter PIN");
            rf.expect(HandheldFloor.OTHER_PIN, "Choose a task");
            rf.choose("Pack");
            rf.expect("PACK-1", "Scan tote or order");
            rf.expect("T1", "Scan item");
            rf.expect(floor.gtins.get("TEE-M-NAVY"), "Scan box");
            rf.expect("", "Type weight in g");
            rf.expect(rf.read("About (\\d+) g"), "Carton closed");
            if (!rf.screen().contains("SSCC ")) {
                // The label is bought right after the close commits; Enter asks for it again until it is there.
                Eventually.until(() -> rf.feed(""), screen -> screen.contains("SSCC "));
            }
            String sscc = rf.read("SSCC (\\d{18})");
            assertThat(rf.flat()).contains("Label sent to printer 127.0.0.1:" + printer.getLocalPort(), "saved as " + sscc + ".pdf", "F4 print");
            Eventually.await(() -> jobs.size() == 1);

            rf.expect("<F4>", "Label sent to printer");
            Eventually.await(() -> jobs.size() == 2);

            byte[] served = floor.merchant().get().uri("/api/v1/shipments/{id}/label?format=zpl", shipmentOf(floor, order))
                    .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
            assertThat(served).isNotEmpty();
            assertThat(jobs).allSatisfy(job -> assertThat(job).isEqualTo(served));
            assertThat(new String(served, java.nio.charset.StandardCharsets.UTF_8)).startsWith("^XA");
            assertThat(Files.readAllBytes(labels.resolve(sscc + ".pdf"))).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(device.resolve("queue/pending")).isEmptyDirectory();
            assertThat(rf.transcript()).doesNotContain("Exception", "at io.stowage");
        }
    }

    @SuppressWarnings("unchecked")
    private static String shipmentOf(HandheldFloor floor, String order) {
        Map<?, ?> page = floor.merchant().get().uri("/api/v1/shipments?order_id={id}", order).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).hasSize(1);
        return (String) items.get(0).get("id");
    }

    /** A raw-port printer: every connection is one job, read until the sender closes. */
    private static void receiveJobs(ServerSocket printer, List<byte[]> jobs) {
        while (!printer.isClosed()) {
            try (Socket job = printer.accept(); InputStream in = job.getInputStream()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                in.transferTo(bytes);
                jobs.add(bytes.toByteArray());
            } catch (IOException e) {
                return;
            }
        }
    }
}
