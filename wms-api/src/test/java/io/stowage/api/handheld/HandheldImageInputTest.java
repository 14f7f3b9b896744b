package io.stowage.api.handheld;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.oned.Code128Writer;
import io.stowage.api.support.ApiTest;
import io.stowage.barcodes.render.BarcodeRenderer;
import io.stowage.barcodes.render.Symbology;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Photos as scans against the real service: a receiver logs in with a photo of the badge, receives
 * blind from a photo of the lot's GS1 DataMatrix (GTIN, expiry and lot in one read, as from a
 * scanner), and photos the device cannot use (a GS1-128 label with a wrong check digit, a file that
 * is no image) are wrong scans that queue nothing.
 */
class HandheldImageInputTest extends ApiTest {

    @Autowired
    Environment environment;

    @TempDir
    Path device;

    @TempDir
    Path photos;

    @Test
    void aReceiverWorksFromPhotosAndBadPhotosChangeNothing() throws Exception {
        HandheldFloor floor = HandheldFloor.create(this);
        ScriptedHandheld rf = new ScriptedHandheld("http://127.0.0.1:" + environment.getProperty("local.server.port"), device,
                "RF-CAMERA", 20, 16);
        String milk = floor.gtins.get("MILK-1L");

        rf.expect("", "Scan your badge");
        rf.expect(image("badge.png", BarcodeRenderer.render(Symbology.CODE_128, floor.receiverBadge, 600, 200)), "Enter PIN");
        rf.expect(HandheldFloor.RECEIVER_PIN, "Choose a task");
        rf.choose("Receive");
        rf.expect("2", "Scan dock location");
        rf.expect("DOCK-1", "Scan item");

        String wrongCheckDigit = "0" + milk.substring(0, 12) + ((milk.charAt(12) - '0' + 1) % 10);
        BufferedImage badLabel = MatrixToImageWriter.toBufferedImage(
                new Code128Writer().encode("\u00f1" + "01" + wrongCheckDigit + "10L77", BarcodeFormat.CODE_128, 700, 200));
        rf.expectRefused(image("bad-check-digit.png", badLabel), "Bad label");
        assertThat(rf.flat()).contains("check digit");
        Files.write(photos.resolve("blurred.jpg"), "\u00ff\u00d8 not really a JPEG".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        rf.expectRefused("<IMAGE " + photos.resolve("blurred.jpg") + ">", "not an image");

        rf.expect(image("lot.png", BarcodeRenderer.render(Symbology.GS1_DATA_MATRIX, "(01)0" + milk + "(17)270331(10)L77", 300, 300)),
                "Qty 1");
        assertThat(rf.flat()).contains("lot L77", "2027-03-31");
        rf.expect("3", "Qty 3");
        rf.expect("", "Received 3 MILK-1L");

        List<Map<String, Object>> movements = floor.movements("MILK-1L");
        assertThat(movements).singleElement().satisfies(receipt -> {
            assertThat(receipt.get("kind")).isEqualTo("receipt");
            assertThat(receipt.get("quantity")).isEqualTo(3);
            assertThat(receipt.get("lot_number")).isEqualTo("L77");
            assertThat(receipt.get("device_id")).isEqualTo("RF-CAMERA");
        });
        assertThat(Files.list(device.resolve("queue/pending"))).as("nothing left waiting").isEmpty();
        floor.assertBooksAgree();
        assertThat(rf.transcript()).doesNotContain("Exception", "at io.stowage");
    }

    private String image(String name, BufferedImage image) throws Exception {
        Path file = photos.resolve(name);
        assertThat(ImageIO.write(image, "png", file.toFile())).isTrue();
        return "<IMAGE " + file + ">";
    }
}
