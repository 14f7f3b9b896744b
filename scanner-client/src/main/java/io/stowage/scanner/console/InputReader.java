package io.stowage.scanner.console;

import io.stowage.scanner.input.ClassifiedScan;
import io.stowage.scanner.input.KeyboardWedge;
import io.stowage.scanner.input.Scan;
import io.stowage.scanner.input.ScanClassifier;
import io.stowage.scanner.input.ScanParser;
import io.stowage.scanner.input.WedgeSettings;

import java.util.List;
import java.util.Optional;

/** Turns one line of scanner or keypad input (what came before Enter) into an {@link Input}, through the wedge layer. */
public final class InputReader {

    private final KeyboardWedge wedge;
    private final ScanClassifier classifier;
    /** Data read from an image carries ASCII 29 for FNC1 itself, whatever the wedge types for it. */
    private final ScanParser exact = new ScanParser(WedgeSettings.defaults());

    public InputReader(KeyboardWedge wedge, ScanClassifier classifier) {
        this.wedge = wedge;
        this.classifier = classifier;
    }

    /** The input a completed line stands for; an empty line is Enter. */
    public Input line(String text) {
        wedge.clear();
        List<Scan> scans = wedge.type(text + "\r");
        if (scans.isEmpty()) {
            return new Input.Pressed(Key.ENTER);
        }
        ClassifiedScan classified = classifier.classify(scans.get(0));
        return new Input.Scanned(classified);
    }

    /** A whole scan as a scanner sends it (AIM identifier, then data), such as a barcode read from an image. */
    public Input decoded(String scannerData) {
        return new Input.Scanned(classifier.classify(exact.parse(scannerData)));
    }

    /** A scripted line: {@code <F2>}-style key names, or a scan. */
    public Input scriptLine(String text) {
        Optional<Key> key = Key.fromScriptToken(text);
        return key.<Input>map(Input.Pressed::new).orElseGet(() -> line(text));
    }
}
