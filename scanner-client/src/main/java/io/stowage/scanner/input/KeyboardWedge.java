package io.stowage.scanner.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the characters a keyboard-wedge scanner types and hands back a {@link Scan} each
 * time a suffix (Enter or Tab) ends one. Characters may arrive one at a time or in bursts, and
 * a scan ends as soon as its suffix arrives. A suffix with nothing before it is ignored, which
 * also absorbs the LF of a CR LF pair that arrives after the CR has already ended the scan.
 */
public final class KeyboardWedge {

    private final WedgeSettings settings;
    private final ScanParser parser;
    private final StringBuilder pending = new StringBuilder();

    public KeyboardWedge(WedgeSettings settings) {
        this.settings = settings;
        this.parser = new ScanParser(settings);
    }

    /** Adds typed characters and returns the scans they completed, oldest first. */
    public List<Scan> type(CharSequence typed) {
        pending.append(typed);
        List<Scan> scans = new ArrayList<>();
        while (true) {
            int end = -1;
            String suffix = null;
            for (String candidate : settings.suffixes()) {
                int at = pending.indexOf(candidate);
                if (at >= 0 && (end < 0 || at < end)) {
                    end = at;
                    suffix = candidate;
                }
            }
            if (end < 0) {
                return scans;
            }
            String text = pending.substring(0, end);
            pending.delete(0, end + suffix.length());
            if (!text.isEmpty()) {
                scans.add(parser.parse(text));
            }
        }
    }

    /** The characters typed since the last completed scan. */
    public String pending() {
        return pending.toString();
    }

    /** Drops a partial scan, for example when the worker presses Escape. */
    public void clear() {
        pending.setLength(0);
    }
}
