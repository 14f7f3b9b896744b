package io.stowage.carriers.label;

import io.stowage.carriers.spi.LabelDocuments;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Renders a shipping label in ZPL II, PDF and PNG from one layout. Rendering is CPU work of tens of
 * milliseconds, so carriers render on the executor given here (the common pool unless the user
 * gives one), never on the thread that asked for the label, which may be an event loop.
 */
public final class LabelRenderer {

    private final ZplLabelWriter zpl = new ZplLabelWriter();
    private final PdfLabelWriter pdf;
    private final PngLabelWriter png = new PngLabelWriter();
    private final Executor executor;

    public LabelRenderer() {
        this(new PdfLabelWriter());
    }

    public LabelRenderer(PdfLabelWriter pdf) {
        this(pdf, ForkJoinPool.commonPool());
    }

    public LabelRenderer(PdfLabelWriter pdf, Executor executor) {
        this.pdf = pdf;
        this.executor = executor;
    }

    /** {@link #render(ShippingLabel)} on the renderer's executor. */
    public CompletableFuture<LabelDocuments> renderLater(ShippingLabel label) {
        return CompletableFuture.supplyAsync(() -> render(label), executor);
    }

    /** {@link #render(ReturnShippingLabel)} on the renderer's executor. */
    public CompletableFuture<LabelDocuments> renderLater(ReturnShippingLabel label) {
        return CompletableFuture.supplyAsync(() -> render(label), executor);
    }

    /** @throws LabelRenderingException when a barcode cannot be encoded or the PDF cannot be written */
    public LabelDocuments render(ShippingLabel label) {
        List<LabelElement> elements = LabelLayout.lay(label);
        return new LabelDocuments(zpl.write(elements), pdf.write(elements), png.write(elements));
    }

    /** @throws LabelRenderingException when a barcode cannot be encoded or the PDF cannot be written */
    public LabelDocuments render(ReturnShippingLabel label) {
        List<LabelElement> elements = LabelLayout.lay(label);
        return new LabelDocuments(zpl.write(elements), pdf.write(elements), png.write(elements));
    }
}
