package io.stowage.scanner.flow;

import io.stowage.scanner.console.Input;
import io.stowage.scanner.screen.Screen;

/**
 * One guided task on the handheld (log in, receive, pick, ...), as a small state machine: it shows
 * the screen for its current step and answers each input with what happens next. A flow checks
 * only what the worker can see on the screen (the location it names, the tote it names); every
 * rule about stock is the service's, which answers each confirmation.
 */
public interface Flow {

    Screen screen();

    Next on(Input input);
}
