package io.stowage.scanner.console;

import io.stowage.scanner.input.ClassifiedScan;
import io.stowage.scanner.input.ScanKind;

import java.util.Objects;

/** One thing the worker did: a scan (or digits typed and Enter, which arrive the same way) or a key. */
public sealed interface Input {

    record Scanned(ClassifiedScan scan) implements Input {
        public Scanned {
            Objects.requireNonNull(scan, "scan");
        }

        public ScanKind kind() {
            return scan.kind();
        }

        /** The text as typed or read, trimmed. */
        public String text() {
            return scan.scan().raw().trim();
        }
    }

    record Pressed(Key key) implements Input {
        public Pressed {
            Objects.requireNonNull(key, "key");
        }
    }

    default boolean is(Key key) {
        return this instanceof Pressed pressed && pressed.key() == key;
    }
}
