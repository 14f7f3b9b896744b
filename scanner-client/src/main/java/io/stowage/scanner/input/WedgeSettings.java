package io.stowage.scanner.input;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How a keyboard-wedge scanner is configured to type a barcode.
 *
 * @param suffixes       the keystrokes that end one scan, such as Enter or Tab
 * @param fnc1Substitute what the scanner types for FNC1 when it cannot type ASCII 29, for
 *                       example {@code ~} or {@code ^]}; empty when it types ASCII 29 itself
 */
public record WedgeSettings(List<String> suffixes, Optional<String> fnc1Substitute) {

    public WedgeSettings {
        if (suffixes == null || suffixes.isEmpty() || suffixes.stream().anyMatch(s -> s == null || s.isEmpty())) {
            throw new IllegalArgumentException("A wedge scanner needs at least one non-empty suffix");
        }
        if (fnc1Substitute == null || fnc1Substitute.filter(String::isEmpty).isPresent()) {
            throw new IllegalArgumentException("The FNC1 substitute must be absent or non-empty");
        }
        // Longest first, so CR LF is taken as one suffix rather than CR followed by an empty scan.
        suffixes = suffixes.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Enter (CR, LF or CR LF) or Tab ends a scan; FNC1 arrives as ASCII 29. */
    public static WedgeSettings defaults() {
        return new WedgeSettings(List.of("\r\n", "\r", "\n", "\t"), Optional.empty());
    }

    /** These settings with a scanner that types {@code substitute} for FNC1. */
    public WedgeSettings withFnc1Substitute(String substitute) {
        return new WedgeSettings(suffixes, Optional.of(substitute));
    }
}
