package io.stowage.carriers.spi;

import java.util.Arrays;

/**
 * The label in the three formats the warehouse needs: ZPL II for thermal printers, PDF for office
 * printers and merchants, PNG for screens. Bytes, not links, because carriers' download links expire.
 */
public record LabelDocuments(byte[] zpl, byte[] pdf, byte[] png) {

    public LabelDocuments {
        zpl = zpl.clone();
        pdf = pdf.clone();
        png = png.clone();
    }

    @Override
    public byte[] zpl() {
        return zpl.clone();
    }

    @Override
    public byte[] pdf() {
        return pdf.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelDocuments that
                && Arrays.equals(zpl, that.zpl) && Arrays.equals(pdf, that.pdf) && Arrays.equals(png, that.png);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(zpl) + Arrays.hashCode(pdf)) + Arrays.hashCode(png);
    }

    @Override
    public String toString() {
        return "LabelDocuments[zpl=" + zpl.length + " B, pdf=" + pdf.length + " B, png=" + png.length + " B]";
    }
}
