package io.stowage.scanner.camera;

import io.stowage.barcodes.render.Symbology;
import io.stowage.scanner.ClientOptions;
import io.stowage.scanner.Handheld;
import io.stowage.scanner.ScannerMain;
import io.stowage.scanner.console.InputReader;
import io.stowage.scanner.console.ScriptSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Photos reach the device's screens as scans: a line {@code <IMAGE path>} in scripted mode and a
 * watched {@code --images} directory. What cannot be used is a wrong scan with a clear message and
 * the bell; the step does not move and nothing is queued.
 */
class ImageInputTest {

    @TempDir
    Path data;

    @TempDir
    Path photos;

    private static String unusedServer() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    private static String flat(List<String> lines) {
        return String.join(" ", lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

    @Test
    void photosAreScansAndUnusablePhotosAreWrongScans() throws Exception {
        ClientOptions options = ClientOptions.parse(new String[] {"--server", unusedServer(), "--data-dir", data.toString(),
                "--device", "RF-CAM", "--timeout", "1"});
        Handheld handheld = ScannerMain.handheld(options);
        InputReader inputs = ScannerMain.inputReader(options);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ScriptSession rf = new ScriptSession(handheld, inputs, new PrintStream(printed, true, StandardCharsets.UTF_8), 20, 16,
                ScannerMain.imageFeed(options, inputs));

        assertThat(flat(rf.screen())).contains("Scan your badge");
        for (String[] bad : new String[][] {
                {TestImages.garbage(photos, "photo.jpg").toString(), "not an image this device reads"},
                {TestImages.blank(photos, "wall.png").toString(), "No barcode found in wall.png"},
                {TestImages.twoSymbols(photos, "label.png").toString(), "2 barcodes in label.png"},
                {TestImages.gs1128Unchecked(photos, "gtin.png", "0109506000134353").toString(), "Bad label"},
                {photos.resolve("missing.png").toString(), "No image missing.png"}}) {
            List<String> screen = rf.feed("<IMAGE " + bad[0] + ">");
            assertThat(flat(screen)).as(bad[0]).contains(bad[1], "Scan your badge").doesNotContain("Exception");
            assertThat(handheld.frame().bell()).as(bad[0]).isTrue();
        }
        assertThat(flat(rf.feed("<IMAGE " + photos.resolve("gtin.png") + ">"))).contains("Bad label:", "check digit", "Scan your badge");

        Path badge = TestImages.stowage(photos, "badge.png", Symbology.CODE_128, "B1042");
        assertThat(flat(rf.feed("<IMAGE " + badge + ">"))).contains("Enter PIN");
        assertThat(handheld.frame().bell()).isFalse();
        assertThat(handheld.floor().outbox().waiting()).isZero();
        assertThat(handheld.floor().outbox().pending()).isEmpty();
    }

    @Test
    void aWatchedDirectoryFeedsEachPhotoOnceAndMovesItAside() throws Exception {
        Path badge = TestImages.stowage(photos, "1-badge.png", Symbology.CODE_128, "B1042");
        Path garbage = TestImages.garbage(photos, "0-blurred.jpg");
        Path notes = Files.writeString(photos.resolve("notes.txt"), "not a photo");
        for (Path photo : List.of(badge, garbage)) {
            Files.setLastModifiedTime(photo, FileTime.from(Instant.now().minusSeconds(10)));
        }
        Path script = Files.writeString(data.resolve("script.txt"), "# the photos come first\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = ScannerMain.run(new String[] {"--server", unusedServer(), "--data-dir", data.resolve("device").toString(),
                        "--script", script.toString(), "--images", photos.toString(), "--timeout", "1"},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        String transcript = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(transcript).containsSubsequence("> [image 0-blurred.jpg]", "not an image", "(bell)", "> [image 1-badge.png]", "Enter PIN");
        assertThat(photos.resolve("read/1-badge.png")).exists();
        assertThat(photos.resolve("unreadable/0-blurred.jpg")).exists();
        assertThat(badge).doesNotExist();
        assertThat(notes).exists();
    }

    @Test
    void aPhotoStillBeingWrittenWaitsAndNoPhotoIsReadTwice() {
        Path badge = TestImages.stowage(photos, "badge.png", Symbology.CODE_128, "B1042");
        Instant written = Instant.parse("2026-12-04T16:00:00Z");
        setModified(badge, written);
        ImageInbox justAfter = new ImageInbox(photos, new ImageDecoder(), Clock.fixed(written.plusMillis(100), ZoneOffset.UTC));
        assertThat(justAfter.poll()).isEmpty();

        ImageInbox later = new ImageInbox(photos, new ImageDecoder(), Clock.fixed(written.plusSeconds(2), ZoneOffset.UTC));
        assertThat(later.poll()).containsExactly(new ImageDecoder.Found("badge.png", List.of("]C0B1042")));
        assertThat(later.poll()).isEmpty();

        ImageInbox oneFile = new ImageInbox(photos.resolve("read/badge.png"), new ImageDecoder(), Clock.systemUTC());
        assertThat(oneFile.poll()).hasSize(1);
        assertThat(oneFile.poll()).isEmpty();
        assertThat(photos.resolve("read/badge.png")).as("a single file is left where it is").exists();
    }

    private static void setModified(Path file, Instant when) {
        try {
            Files.setLastModifiedTime(file, FileTime.from(when));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
