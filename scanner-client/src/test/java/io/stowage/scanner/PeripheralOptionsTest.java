package io.stowage.scanner;

import io.stowage.scanner.print.LabelFormat;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeripheralOptionsTest {

    private static ClientOptions parse(String... args) throws ClientOptions.BadArguments {
        String[] all = new String[args.length + 2];
        all[0] = "--server";
        all[1] = "http://localhost:8080";
        System.arraycopy(args, 0, all, 2, args.length);
        return ClientOptions.parse(all);
    }

    @Test
    void labelDestinationsAreReadFromTheCommandLine() throws Exception {
        assertThat(parse().peripherals()).isEqualTo(PeripheralOptions.none());
        PeripheralOptions options = parse("--printer", "10.0.4.21", "--label-dir", "/tmp/labels", "--label-format", "PNG").peripherals();
        assertThat(options).isEqualTo(new PeripheralOptions(Optional.of("10.0.4.21"), Optional.of(Path.of("/tmp/labels")), LabelFormat.PNG, Optional.empty(),
                Optional.empty(), Optional.empty()));
        assertThat(options.labelPrinter(java.time.Duration.ofSeconds(2)).destinations())
                .isEqualTo("printer 10.0.4.21:9100, PNG files in /tmp/labels");
    }

    @Test
    void imagesAndSshAreReadFromTheCommandLine(@org.junit.jupiter.api.io.TempDir Path photos) throws Exception {
        PeripheralOptions options = parse("--images", photos.toString(), "--ssh-port", "2222", "--ssh-host-key", "/var/lib/rf/key").peripherals();
        assertThat(options.images()).contains(photos);
        assertThat(options.sshPort()).contains(2222);
        assertThat(options.sshHostKey()).contains(Path.of("/var/lib/rf/key"));
        assertThatThrownBy(() -> parse("--images", photos.resolve("nothing-here").toString()))
                .hasMessage("--images: no file or directory " + photos.resolve("nothing-here"));
        assertThatThrownBy(() -> parse("--ssh-port", "65536")).hasMessage("--ssh-port: a port from 0 (any free one) to 65535");
        assertThatThrownBy(() -> parse("--ssh-port", "22x")).hasMessage("--ssh-port: a port from 0 (any free one) to 65535");
    }

    @Test
    void sshAndAScriptAreNotOneRun() {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int exit = ScannerMain.run(new String[] {"--server", "http://localhost:8080", "--ssh-port", "0", "--script", "-"},
                java.io.InputStream.nullInputStream(), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("choose one");
    }

    @Test
    void unusableValuesAreRefusedWithWhatToWrite() {
        assertThatThrownBy(() -> parse("--printer", "zebra:99999")).isInstanceOf(ClientOptions.BadArguments.class)
                .hasMessage("--printer: zebra:99999 is not host:port, such as 10.0.4.21:9100");
        assertThatThrownBy(() -> parse("--label-format", "gif")).isInstanceOf(ClientOptions.BadArguments.class)
                .hasMessage("--label-format: pdf, png or zpl");
        assertThatThrownBy(() -> parse("--printr", "zebra")).hasMessage("Unknown option --printr");
        assertThat(ClientOptions.USAGE).contains("--printer HOST[:PORT]", "--label-dir DIR");
    }
}
