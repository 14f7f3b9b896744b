package io.stowage.barcodes.bench;

import io.stowage.barcodes.decode.BarcodeDecoder;
import io.stowage.barcodes.decode.DecodedBarcode;
import io.stowage.barcodes.gs1.ElementString;
import io.stowage.barcodes.render.BarcodeRenderer;
import io.stowage.barcodes.render.Symbology;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Costs of the operations a label printer and a scanner station repeat all day: parsing a
 * scanned GS1 label, building a Digital Link, rendering a shipping label barcode and decoding a
 * photographed one. Run with JMH's main class; see the module's report for the command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BarcodeBenchmarks {

    private static final String BRACKETED = "(01)09506000134352(17)261231(10)LOT-4711(21)SN000123";

    private String scannerData;
    private ElementString elementString;
    private byte[] gs1128Png;
    private byte[] qrPng;

    @Setup
    public void prepare() {
        elementString = ElementString.parseBracketed(BRACKETED);
        scannerData = "]C1" + elementString.unbracketedWithSeparators();
        gs1128Png = BarcodeRenderer.renderPng(Symbology.GS1_128, BRACKETED, 600, 150);
        qrPng = BarcodeRenderer.renderPng(Symbology.QR_CODE, elementString.toDigitalLink("https://id.gs1.org"), 300, 300);
    }

    @Benchmark
    public ElementString parseScannedGs1Label() {
        return ElementString.parseUnbracketed(scannerData);
    }

    @Benchmark
    public String formatDigitalLink() {
        return elementString.toDigitalLink("https://id.gs1.org");
    }

    @Benchmark
    public byte[] renderGs1128Png() {
        return BarcodeRenderer.renderPng(Symbology.GS1_128, BRACKETED, 600, 150);
    }

    @Benchmark
    public List<DecodedBarcode> decodeGs1128Png() {
        return BarcodeDecoder.decodeAll(gs1128Png);
    }

    @Benchmark
    public List<DecodedBarcode> decodeQrDigitalLinkPng() {
        return BarcodeDecoder.decodeAll(qrPng);
    }
}
