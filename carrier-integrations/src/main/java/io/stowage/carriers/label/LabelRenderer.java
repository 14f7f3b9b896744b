package io.stowage.carriers.label;

import io.stowage.carriers.spi.LabelDocuments;

import java.util.List;

/** Renders a shipping label in ZPL II, PDF and PNG from one layout. */
public final class LabelRenderer {

    private final ZplLabelWriter zpl = new ZplLabelWriter();
    private final PdfLabelWriter pdf;
    private final PngLabelWriter png = new PngLabelWriter();

    public LabelRenderer() {
        this(new PdfLabelWriter());
    }

    public LabelRenderer(PdfLabelWriter pdf) {
        this.pdf = pdf;
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
