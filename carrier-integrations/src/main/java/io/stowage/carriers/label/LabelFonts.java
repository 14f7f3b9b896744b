package io.stowage.carriers.label;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The Unicode font the PNG and PDF labels draw with, and the measure that shortens text to fit.
 * Addresses in the demo region need Latvian, Lithuanian, Slovenian and Cyrillic letters, which the
 * PDF base fonts lack: a system TrueType font with them is used when one is installed, else Java's
 * logical sans-serif font (for the PNG) and unaccented Helvetica (for the PDF).
 */
final class LabelFonts {

    static final List<Path> CANDIDATES = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"),
            Path.of("/Library/Fonts/Arial Unicode.ttf"),
            Path.of("C:/Windows/Fonts/arial.ttf"));

    private static final String ELLIPSIS = "\u2026";
    private static final Optional<Path> UNICODE_FONT = CANDIDATES.stream().filter(Files::isReadable).findFirst();
    private static final Font REGULAR = load(UNICODE_FONT, false);
    private static final Optional<Path> BOLD_FILE = boldSibling(UNICODE_FONT);
    private static final Font BOLD = load(BOLD_FILE.or(() -> UNICODE_FONT), true);
    // Without a bold file, Java draws a synthetic bold from the regular outlines.
    private static final boolean SYNTHETIC_BOLD = UNICODE_FONT.isPresent() && BOLD_FILE.isEmpty();

    private LabelFonts() {
    }

    static Optional<Path> unicodeFont() {
        return UNICODE_FONT;
    }

    static Optional<Path> boldSibling(Optional<Path> font) {
        return font.map(path -> path.resolveSibling(path.getFileName().toString().replace(".ttf", "-Bold.ttf")))
                .filter(Files::isReadable);
    }

    /** The font at {@code heightDots} pixels, as the PNG draws it. */
    static Font font(int heightDots, boolean bold) {
        Font sized = (bold ? BOLD : REGULAR).deriveFont((float) heightDots);
        return bold && SYNTHETIC_BOLD ? sized.deriveFont(Font.BOLD) : sized;
    }

    /**
     * The text, shortened with an ellipsis when it would be wider than {@code maxWidthDots}. The
     * width is measured with the font the PNG and PDF draw with; the printer's Swiss 721 is narrower.
     */
    static String fit(String text, int heightDots, boolean bold, int maxWidthDots) {
        FontMetrics metrics = metrics(heightDots, bold);
        if (metrics.stringWidth(text) <= maxWidthDots) {
            return text;
        }
        int[] codePoints = text.codePoints().toArray();
        for (int length = codePoints.length - 1; length > 0; length--) {
            String candidate = new String(codePoints, 0, length).stripTrailing() + ELLIPSIS;
            if (metrics.stringWidth(candidate) <= maxWidthDots) {
                return candidate;
            }
        }
        return ELLIPSIS;
    }

    static int width(String text, int heightDots, boolean bold) {
        return metrics(heightDots, bold).stringWidth(text);
    }

    private static FontMetrics metrics(int heightDots, boolean bold) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY).createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            return g.getFontMetrics(font(heightDots, bold));
        } finally {
            g.dispose();
        }
    }

    private static Font load(Optional<Path> path, boolean bold) {
        if (path.isPresent()) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, path.get().toFile());
            } catch (FontFormatException | IOException e) {
                // An unreadable system font falls through to the logical font below.
            }
        }
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 12);
    }
}
