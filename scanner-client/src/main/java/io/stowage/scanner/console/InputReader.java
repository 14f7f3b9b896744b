package io.stowage.scanner.console;

import io.stowage.scanner.input.ClassifiedScan;
import io.stowage.scanner.input.KeyboardWedge;
import io.stowage.scanner.input.Scan;
import io.stowage.scanner.input.ScanClassifier;

import java.util.List;
import java.util.Optional;

/** Turns one line of scanner or keypad input (what came before Enter) into an {@link Input}, through the wedge layer. */
public final class InputReader {

    private final KeyboardWedge wedge;
    private final ScanClassifier classifier;

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

    /** A scripted line: {@code <F2>}-style key names, or a scan. */
    public Input scriptLine(String text) {
        Optional<Key> key = Key.fromScriptToken(text);
        return key.<Input>map(Input.Pressed::new).orElseGet(() -> line(text));
    }
}
