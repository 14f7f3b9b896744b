package io.stowage.api.handheld;

import static org.assertj.core.api.Assertions.assertThat;

import io.stowage.api.support.Eventually;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The scanner client as its own process in scripted mode, reading its script from standard input
 * a line at a time, so a test can act between two scans (cut the network) and kill or restart it.
 */
final class ClientProcess extends HandheldScreen implements AutoCloseable {

    private final Process process;
    private final BufferedWriter input;
    private final StringBuffer output = new StringBuffer();

    private ClientProcess(Process process) {
        this.process = process;
        this.input = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> copy(process.getInputStream()), "client-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java ... ScannerMain --script -} with this JVM's class path (the client and its libraries are on it). */
    static ClientProcess start(String server, Path dataDir, String device) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.stowage.scanner.ScannerMain", "--server", server, "--script", "-", "--data-dir", dataDir.toString(),
                "--device", device, "--size", "40x16", "--timeout", "3");
        try {
            ClientProcess client = new ClientProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
            Eventually.await(() -> client.frames() >= 1 || !client.process.isAlive());
            assertThat(client.process.isAlive()).as("the client started:%n%s", client.output).isTrue();
            client.showing(lastFrame(client.output.toString()));
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Printed print(String line) {
        int before = frames();
        try {
            input.write(line);
            input.newLine();
            input.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the client process is gone:\n" + output, e);
        }
        Eventually.await(() -> frames() > before || !process.isAlive());
        assertThat(process.isAlive()).as("the client is still running:%n%s", output).isTrue();
        return lastFrame(output.toString());
    }

    /** Ends the script (standard input closed) and waits for the process to finish; returns its exit code. */
    int finish() throws InterruptedException {
        try {
            input.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the client ended:%n%s", output).isTrue();
        return process.exitValue();
    }

    @Override
    String transcript() {
        return output.toString();
    }

    private int frames() {
        String text = output.toString();
        int edges = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("+-")) {
                edges++;
            }
        }
        return edges / 2;
    }

    private void copy(InputStream stream) {
        byte[] buffer = new byte[8192];
        try {
            int read;
            while ((read = stream.read(buffer)) >= 0) {
                output.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            output.append("\n[output closed: ").append(e.getMessage()).append("]\n");
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
