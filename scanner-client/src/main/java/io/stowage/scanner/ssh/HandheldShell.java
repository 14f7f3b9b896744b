package io.stowage.scanner.ssh;

import io.stowage.scanner.Handheld;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One device's SSH session: a JLine terminal over the channel's streams, sized and typed as the
 * client's pseudo-terminal says (and resized when it changes), running the device's handheld.
 */
final class HandheldShell implements Command {

    private static final int DEFAULT_COLUMNS = 80;
    private static final int DEFAULT_ROWS = 24;

    private final HandheldSshServer server;
    private final Function<String, Handheld> devices;
    private final HandheldSshServer.ShellStarter starter;
    private final CountDownLatch ended = new CountDownLatch(1);
    private InputStream in;
    private OutputStream out;
    private ExitCallback exit;
    private volatile ChannelSession channel;
    private volatile Terminal terminal;

    HandheldShell(HandheldSshServer server, Function<String, Handheld> devices, HandheldSshServer.ShellStarter starter) {
        this.server = server;
        this.devices = devices;
        this.starter = starter;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        // The screens go to standard output; a terminal has no separate error stream.
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
        this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment environment) {
        this.channel = channel;
        String device = channel.getSession().getUsername();
        Thread thread = new Thread(() -> run(device, environment), "ssh-handheld-" + device);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(String device, Environment environment) {
        int status = 0;
        String message = "";
        boolean claimed = false;
        try {
            if (device == null || !HandheldSshServer.DEVICE_NAME.matcher(device).matches()) {
                out.write(("Connect as this device's name, such as: ssh RF-07@<host> -p <port>\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                status = 1;
                return;
            }
            server.claim(device, this);
            claimed = true;
            Handheld handheld = devices.apply(device);
            try (Terminal opened = TerminalBuilder.builder().system(false).streams(in, out).name(device)
                    .type(environment.getEnv().getOrDefault(Environment.ENV_TERM, "vt100"))
                    .encoding(StandardCharsets.UTF_8).size(size(environment)).build()) {
                terminal = opened;
                environment.addSignalListener((signalled, signal) -> {
                    opened.setSize(size(environment));
                    opened.raise(Terminal.Signal.WINCH);
                }, Signal.WINCH);
                starter.run(opened, handheld);
            }
        } catch (IOException | RuntimeException e) {
            status = 1;
            message = String.valueOf(e.getMessage());
        } finally {
            if (claimed) {
                server.release(device, this);
            }
            ended.countDown();
            if (exit != null) {
                exit.onExit(status, message);
            }
        }
    }

    private static Size size(Environment environment) {
        return new Size(number(environment.getEnv().get(Environment.ENV_COLUMNS), DEFAULT_COLUMNS),
                number(environment.getEnv().get(Environment.ENV_LINES), DEFAULT_ROWS));
    }

    private static int number(String text, int otherwise) {
        try {
            int value = Integer.parseInt(text == null ? "" : text.strip());
            return value > 0 ? value : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Another session of the same device took over: this one ends, and its handheld is let go before the new one starts. */
    void replaced() {
        ChannelSession open = channel;
        if (open != null) {
            open.close(false);
        }
        closeTerminal();
        try {
            ended.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy(ChannelSession channel) {
        closeTerminal();
    }

    private void closeTerminal() {
        Terminal open = terminal;
        if (open != null) {
            try {
                open.close();
            } catch (IOException ignored) {
                // Closing is all that is wanted; the session ends either way.
            }
        }
    }
}
