package io.stowage.scanner.print;

import com.sun.net.httpserver.HttpServer;
import io.stowage.scanner.flow.Floor;
import io.stowage.scanner.flow.WorkerSession;
import io.stowage.scanner.offline.Outbox;
import io.stowage.scanner.service.WmsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "print label" action against a stand-in service that serves a carton's label (ZPL, PDF, PNG as the
 * shipping routes do) and a local TCP listener in the place of a label printer's raw port.
 */
class LabelPrinterTest {

    private static final byte[] ZPL = ("^XA^CI28^FO50,50^A0N,40,40^FDŠiauliai 047500000000000017^FS"
            + "^FO50,120^BCN,200,Y,N,N^FD>;>800047500000000000017^FS^XZ\n").getBytes(StandardCharsets.UTF_8);
    private static final byte[] PDF = "%PDF-1.7\nnot really a label\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};

    @TempDir
    Path data;

    private HttpServer service;
    private final Map<String, Integer> statusByCarton = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final ExecutorService background = Executors.newCachedThreadPool();

    @BeforeEach
    void start() throws IOException {
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        com.sun.net.httpserver.HttpHandler labels = exchange -> {
            requests.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            String labelled = exchange.getRequestURI().getPath().split("/")[4];
            int status = statusByCarton.getOrDefault(labelled, 200);
            if (status != 200) {
                byte[] problem = ("{\"type\":\"https://stowage.io/problems/shipment-not-labelled\",\"status\":" + status
                        + ",\"detail\":\"Shipment 047500000000000017 is label_pending: the label is not bought yet\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(status, problem.length);
                exchange.getResponseBody().write(problem);
                exchange.close();
                return;
            }
            String format = Optional.ofNullable(exchange.getRequestURI().getQuery()).orElse("format=zpl").replace("format=", "");
            byte[] body = switch (format) {
                case "pdf" -> PDF;
                case "png" -> PNG;
                default -> ZPL;
            };
            exchange.getResponseHeaders().add("Content-Disposition", "inline; filename=\"047500000000000017." + format + "\"");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        };
        service.createContext("/api/v1/cartons/", labels);
        service.createContext("/api/v1/shipments/", labels);
        service.start();
    }

    @AfterEach
    void stop() {
        service.stop(0);
        background.shutdownNow();
    }

    private Floor floor(LabelPrinter labels) {
        WmsClient api = new WmsClient(URI.create("http://127.0.0.1:" + service.getAddress().getPort()), Duration.ofSeconds(3));
        Floor floor = new Floor(api, new Outbox(data.resolve("queue")), "RF-PRINT", Clock.systemUTC(), labels);
        floor.loggedIn(new WorkerSession("B1003", "Packer", Set.of("packer"), "token-of-the-packer"));
        return floor;
    }

    @Test
    void theZplReachesTheNetworkPrinterByteForByte() throws Exception {
        try (ServerSocket printerPort = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Future<byte[]> received = background.submit(() -> readOneJob(printerPort));
            NetworkPrinter printer = NetworkPrinter.parse("127.0.0.1:" + printerPort.getLocalPort(), Duration.ofSeconds(3));
            Floor floor = floor(new LabelPrinter(Optional.of(printer), Optional.empty()));

            LabelPrinter.Printed printed = floor.labels().printCarton(floor, "c-1");

            assertThat(printed.done()).as(printed.message()).isTrue();
            assertThat(printed.message()).isEqualTo("Label sent to printer 127.0.0.1:" + printerPort.getLocalPort());
            assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(ZPL);
            assertThat(requests).containsExactly("/api/v1/cartons/c-1/label?format=zpl Bearer token-of-the-packer");
        }
    }

    @Test
    void labelsAreSavedAsTheServiceNamesThemInTheChosenFormat() throws Exception {
        Path pdfs = data.resolve("labels");
        Floor floor = floor(new LabelPrinter(Optional.empty(), Optional.of(new LabelDirectory(pdfs, LabelFormat.PDF))));

        LabelPrinter.Printed printed = floor.labels().printCarton(floor, "c-2");

        assertThat(printed).isEqualTo(new LabelPrinter.Printed(true, "Label saved as 047500000000000017.pdf"));
        assertThat(Files.readAllBytes(pdfs.resolve("047500000000000017.pdf"))).isEqualTo(PDF);
        try (var files = Files.list(pdfs)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("047500000000000017.pdf");
        }

        Path pngs = data.resolve("png-labels");
        Floor pngFloor = floor(new LabelPrinter(Optional.empty(), Optional.of(new LabelDirectory(pngs, LabelFormat.PNG))));
        assertThat(pngFloor.labels().printShipment(pngFloor, "s-9").done()).isTrue();
        assertThat(Files.readAllBytes(pngs.resolve("047500000000000017.png"))).isEqualTo(PNG);
    }

    @Test
    void aPrinterThatDoesNotAnswerIsSaidSoAndTheFileIsStillSaved() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        NetworkPrinter printer = NetworkPrinter.parse("127.0.0.1:" + closedPort, Duration.ofSeconds(2));
        Path files = data.resolve("labels");
        Floor floor = floor(new LabelPrinter(Optional.of(printer), Optional.of(new LabelDirectory(files, LabelFormat.ZPL))));

        LabelPrinter.Printed printed = floor.labels().printCarton(floor, "c-3");

        assertThat(printed.done()).isFalse();
        assertThat(printed.message()).startsWith("Label printer 127.0.0.1:" + closedPort + " not answering")
                .endsWith("; saved as 047500000000000017.zpl: try again");
        assertThat(Files.readAllBytes(files.resolve("047500000000000017.zpl"))).isEqualTo(ZPL);
        assertThat(floor.outbox().waiting()).isZero();
    }

    @Test
    void aLabelTheServiceDoesNotHaveYetIsExplainedAndNothingIsPrinted() throws Exception {
        statusByCarton.put("c-4", 409);
        try (ServerSocket printerPort = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            printerPort.setSoTimeout(300);
            NetworkPrinter printer = NetworkPrinter.parse("127.0.0.1:" + printerPort.getLocalPort(), Duration.ofSeconds(3));
            Floor floor = floor(new LabelPrinter(Optional.of(printer), Optional.empty()));

            LabelPrinter.Printed printed = floor.labels().printCarton(floor, "c-4");

            assertThat(printed).isEqualTo(new LabelPrinter.Printed(false,
                    "Label not printed: Shipment 047500000000000017 is label_pending: the label is not bought yet"));
            assertThat(printed.next()).isInstanceOf(io.stowage.scanner.flow.Next.Stay.class)
                    .satisfies(next -> assertThat(((io.stowage.scanner.flow.Next.Stay) next).bell()).isTrue());
            try (Socket ignored = printerPort.accept()) {
                throw new AssertionError("the printer was sent something");
            } catch (java.net.SocketTimeoutException expected) {
                // nothing connected: no label was sent
            }
        }
    }

    @Test
    void aDeviceWithoutPrinterSaysHowToSetOneUp() {
        Floor floor = floor(LabelPrinter.none());
        assertThat(floor.labels().available()).isFalse();
        assertThat(floor.labels().printCarton(floor, "c-5").message()).contains("--printer", "--label-dir");
        assertThat(requests).isEmpty();
    }

    @Test
    void printerAddressesAreReadWithThe9100Default() {
        Duration timeout = Duration.ofSeconds(1);
        assertThat(NetworkPrinter.parse("zebra-pack-1", timeout)).isEqualTo(new NetworkPrinter("zebra-pack-1", 9100, timeout));
        assertThat(NetworkPrinter.parse("10.0.4.21:6101", timeout)).isEqualTo(new NetworkPrinter("10.0.4.21", 6101, timeout));
        assertThat(NetworkPrinter.parse("[fd00::21]:9100", timeout)).isEqualTo(new NetworkPrinter("fd00::21", 9100, timeout));
        assertThat(NetworkPrinter.parse("fd00::21", timeout).host()).isEqualTo("fd00::21");
        for (String bad : List.of("", ":9100", "printer:", "printer:0", "printer:70000", "printer:abc", "[fd00::21]x")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> NetworkPrinter.parse(bad, timeout))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host:port");
        }
    }

    @Test
    void savedNamesNeverLeaveTheDirectory() {
        assertThat(LabelDirectory.safe("../../etc/passwd")).isEqualTo("_.._etc_passwd");
        assertThat(LabelDirectory.safe("047500000000000017")).isEqualTo("047500000000000017");
        assertThat(LabelDirectory.safe("..")).isEqualTo("label");
    }

    /** What a raw-port printer receives for one job: every byte until the sender closes. */
    private static byte[] readOneJob(ServerSocket port) throws IOException {
        try (Socket job = port.accept(); InputStream in = job.getInputStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toByteArray();
        }
    }
}
