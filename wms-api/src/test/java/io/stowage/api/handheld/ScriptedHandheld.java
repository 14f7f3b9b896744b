package io.stowage.api.handheld;

import io.stowage.scanner.ClientOptions;
import io.stowage.scanner.ScannerMain;
import io.stowage.scanner.console.ScriptSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The scripted client in this JVM, fed a line at a time like a worker at the device. */
final class ScriptedHandheld extends HandheldScreen {

    private final ScriptSession session;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    ScriptedHandheld(String server, Path dataDir, String device, int width, int height, String... moreOptions) {
        try {
            String[] base = {"--server", server, "--data-dir", dataDir.toString(), "--device", device, "--size", width + "x" + height,
                    "--timeout", "5"};
            String[] arguments = java.util.Arrays.copyOf(base, base.length + moreOptions.length);
            System.arraycopy(moreOptions, 0, arguments, base.length, moreOptions.length);
            ClientOptions options = ClientOptions.parse(arguments);
            session = new ScriptSession(ScannerMain.handheld(options), ScannerMain.inputReader(options),
                    new PrintStream(printed, true, StandardCharsets.UTF_8), width, height);
        } catch (ClientOptions.BadArguments e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    protected Printed print(String line) {
        session.feed(line);
        return lastFrame(transcript());
    }

    @Override
    String transcript() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
