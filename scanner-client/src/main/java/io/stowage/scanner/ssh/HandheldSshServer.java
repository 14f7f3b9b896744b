package io.stowage.scanner.ssh;

import io.stowage.scanner.Handheld;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.UserAuthNoneFactory;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The handheld's screens over SSH, for warehouse terminals that run a terminal-emulation app
 * (VT100/VT220 over SSH) and have nothing else installed: each connection is one device, named by
 * its SSH user name ({@code ssh RF-07@host -p 2222}), with its own queue and its own log-in screen
 * (badge and PIN, checked by the service, as on any handheld). SSH itself asks for nothing (the
 * "none" method, or keyboard-interactive with no questions): see docs/DECISIONS.md. The server's
 * host key is made once and kept on disk, so devices that remember it keep trusting it.
 * One session per device: a device that connects again (after roaming to another access point,
 * with its old connection not yet timed out) replaces its old session, which is closed first so
 * two sessions never share one queue.
 */
public final class HandheldSshServer implements AutoCloseable {

    /** A device's name: it names its queue's directory and goes into its Idempotency-Keys and the ledger. */
    static final Pattern DEVICE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");

    private final SshServer server;
    private final Map<String, HandheldShell> sessions = new ConcurrentHashMap<>();

    private HandheldSshServer(SshServer server) {
        this.server = server;
    }

    /**
     * Starts serving on {@code port} (0 for any free port) on every interface.
     *
     * @param hostKey  where the server's host key is kept; made on the first start
     * @param devices  the handheld of a device, by its name (its own data directory and queue)
     * @param shell    the session that runs one handheld in one SSH terminal
     */
    public static HandheldSshServer start(int port, Path hostKey, Function<String, Handheld> devices, ShellStarter shell) {
        SshServer server = SshServer.setUpDefaultServer();
        server.setPort(port);
        server.setKeyPairProvider(hostKeys(hostKey));
        server.setUserAuthFactories(List.of(UserAuthNoneFactory.INSTANCE, UserAuthKeyboardInteractiveFactory.INSTANCE));
        server.setKeyboardInteractiveAuthenticator(new NoQuestions());
        HandheldSshServer handhelds = new HandheldSshServer(server);
        server.setShellFactory(channel -> new HandheldShell(handhelds, devices, shell));
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve SSH on port " + port + ": " + e.getMessage(), e);
        }
        return handhelds;
    }

    public int port() {
        return server.getPort();
    }

    /** The devices connected now. */
    public java.util.Set<String> devices() {
        return java.util.Set.copyOf(sessions.keySet());
    }

    /**
     * Makes {@code shell} the device's only session: an older one is closed and waited for.
     */
    void claim(String device, HandheldShell shell) {
        HandheldShell older = sessions.put(device, shell);
        if (older != null && older != shell) {
            older.replaced();
        }
    }

    void release(String device, HandheldShell shell) {
        sessions.remove(device, shell);
    }

    @Override
    public void close() {
        sessions.values().forEach(HandheldShell::replaced);
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The host key, made on first use and kept readable by this user only. */
    private static KeyPairProvider hostKeys(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            SimpleGeneratorHostKeyProvider provider = new SimpleGeneratorHostKeyProvider(file);
            provider.setAlgorithm("EC");
            provider.setKeySize(256);
            Iterable<KeyPair> keys = provider.loadKeys(null);
            if (!keys.iterator().hasNext()) {
                throw new IllegalStateException("No host key in " + file);
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: its own access rules apply.
            }
            return provider;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot keep the SSH host key in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Keyboard-interactive with no question: for SSH clients that will not use "none"; the PIN is asked on the screen. */
    private static final class NoQuestions implements KeyboardInteractiveAuthenticator {
        @Override
        public InteractiveChallenge generateChallenge(ServerSession session, String username, String lang, String subMethods) {
            InteractiveChallenge challenge = new InteractiveChallenge();
            challenge.setInteractionName("");
            challenge.setInteractionInstruction("");
            challenge.setLanguageTag("");
            return challenge;
        }

        @Override
        public boolean authenticate(ServerSession session, String username, List<String> responses) {
            return true;
        }
    }

    /** Runs one handheld in one terminal until the worker leaves or the connection closes. */
    @FunctionalInterface
    public interface ShellStarter {
        void run(org.jline.terminal.Terminal terminal, Handheld handheld) throws IOException;
    }
}
