package io.stowage.scanner.screen;

import java.util.Objects;
import java.util.Optional;

/**
 * What the terminal shows after an input: the flow's screen, the notice the input earned, the
 * device's status line (worker, online or not, confirmations waiting or refused) and whether the
 * terminal should ring its bell (a wrong scan).
 */
public record Frame(Screen screen, Optional<Notice> notice, String status, boolean bell) {

    public Frame {
        Objects.requireNonNull(screen, "screen");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(status, "status");
    }
}
