package io.stowage.scanner.flow;

import io.stowage.scanner.screen.Notice;

import java.util.Optional;

/** What an input leads to. */
public sealed interface Next {

    /** Stay in this flow (at its new step), with a notice to show. A wrong input rings the bell and does not advance. */
    record Stay(Optional<Notice> notice, boolean bell) implements Next {
    }

    /** Open another flow on top of this one; leaving it comes back here. */
    record Open(Flow flow, Optional<Notice> notice) implements Next {
    }

    /** Leave this flow for the one below it (the menu), with a notice to show there. */
    record Close(Optional<Notice> notice) implements Next {
    }

    /** Replace this flow with another, as when the worker has logged in and the menu comes next. */
    record Replace(Flow flow, Optional<Notice> notice) implements Next {
    }

    /** End the worker's session on this device. */
    record Logout() implements Next {
    }

    static Next stay() {
        return new Stay(Optional.empty(), false);
    }

    static Next info(String text) {
        return new Stay(Optional.of(Notice.info(text)), false);
    }

    /** A wrong scan or a refusal: a clear message, the bell, and the flow stays where it was. */
    static Next wrong(String text) {
        return new Stay(Optional.of(Notice.error(text)), true);
    }

    static Next open(Flow flow) {
        return new Open(flow, Optional.empty());
    }

    static Next close() {
        return new Close(Optional.empty());
    }

    static Next close(String text) {
        return new Close(Optional.of(Notice.info(text)));
    }
}
