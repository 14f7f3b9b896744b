package io.stowage.api.documents;

import io.stowage.api.Published;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of every PDF the service writes (packing slips, manifests): DejaVu Sans, shipped with
 * the service and embedded (the glyphs used) in each document. The PDF base fonts have no Cyrillic
 * and none of the Baltic or Slovene letters, and a printer at the pack station or a driver's
 * tablet must not depend on fonts of its own. The font files are read once, here.
 */
@Published
public final class PdfFonts {

    private static final byte[] REGULAR = read("/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = read("/fonts/DejaVuSans-Bold.ttf");

    /** The regular and bold face, embedded in one document. */
    public record Faces(PDFont regular, PDFont bold) {
    }

    private PdfFonts() {
    }

    /** Loads both faces into the document (as subsets: only the glyphs the document uses are embedded). */
    public static Faces embed(PDDocument document) {
        try {
            return new Faces(PDType0Font.load(document, new ByteArrayInputStream(REGULAR), true),
                    PDType0Font.load(document, new ByteArrayInputStream(BOLD), true));
        } catch (IOException e) {
            throw new UncheckedIOException("Embedding DejaVu Sans in a PDF failed", e);
        }
    }

    /** The text as the font can show it: a control character becomes a space, a character without a glyph '?'. */
    public static String printable(String text, PDFont font) {
        StringBuilder printable = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            String character = Character.isISOControl(codePoint) ? " " : new String(Character.toChars(codePoint));
            try {
                font.encode(character);
                printable.append(character);
            } catch (IOException | IllegalArgumentException e) {
                printable.append('?');
            }
        });
        return printable.toString();
    }

    private static byte[] read(String resource) {
        try (InputStream in = PdfFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The font " + resource + " is missing from the service's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the font " + resource + " failed", e);
        }
    }
}
