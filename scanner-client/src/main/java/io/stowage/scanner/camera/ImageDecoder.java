package io.stowage.scanner.camera;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import com.google.zxing.oned.UPCEReader;
import io.stowage.barcodes.decode.Code128Results;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the barcodes in a photo or an image file with ZXing and gives each as a hardware scanner
 * would send it: the AIM symbology identifier, then the data, FNC1 separators as ASCII 29. So a
 * GS1-128 label comes out as {@code ]C1} + element string (read with {@code ASSUME_GS1}), a GS1
 * DataMatrix as {@code ]d2}, a GS1 QR Code as {@code ]Q3}, EAN-13 and UPC as {@code ]E0} + 13 digits,
 * EAN-8 as {@code ]E4}; the input layer then reads them exactly like keyboard-wedge scans, GS1
 * validation included. The data is not judged here: a GS1 label with a wrong check digit is
 * read as it is printed, and the input layer says what is wrong with it.
 */
public final class ImageDecoder {

    /** Photos from phones are 12 to 50 megapixels; far larger "images" are refused before they are decoded into memory. */
    static final long MAX_PIXELS = 64L * 1024 * 1024;
    static final long MAX_BYTES = 40L * 1024 * 1024;

    /** What one image held. */
    public sealed interface Read {
        /** The image's file name, for the worker's screen. */
        String name();
    }

    /** The barcodes found, as scanner data, in reading order, each once. */
    public record Found(String name, List<String> scans) implements Read {
    }

    /** Nothing to scan: not an image, or no barcode in it; {@code problem} says which, in a worker's words. */
    public record Unreadable(String name, String problem) implements Read {
    }

    public Read read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        BufferedImage image;
        try {
            if (!Files.isRegularFile(file)) {
                return new Unreadable(name, "No image " + name + " on this device");
            }
            if (Files.size(file) > MAX_BYTES) {
                return new Unreadable(name, name + " is too large to read (over " + MAX_BYTES / 1024 / 1024 + " MB)");
            }
            Optional<String> tooLarge = tooManyPixels(file, name);
            if (tooLarge.isPresent()) {
                return new Unreadable(name, tooLarge.get());
            }
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null) {
            return new Unreadable(name, name + " is not an image this device reads (PNG, JPEG, GIF, BMP)");
        }
        List<String> scans = decode(image);
        if (scans.isEmpty()) {
            return new Unreadable(name, "No barcode found in " + name + ": photograph it closer, flat and sharp");
        }
        return new Found(name, scans);
    }

    /** The scanner data of every barcode in the image, each once, in the order ZXing found them. */
    public List<String> decode(BufferedImage image) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        MultiFormatReader reader = new MultiFormatReader();
        Map<DecodeHintType, Object> hints = hints();
        reader.setHints(hints);
        Result[] results;
        try {
            results = new GenericMultipleBarcodeReader(reader).decodeMultiple(bitmap, hints);
        } catch (NotFoundException e) {
            return List.of();
        } catch (RuntimeException e) {
            // ZXing on a damaged or degenerate image (one pixel high, say) fails in its own ways: nothing readable.
            return List.of();
        }
        Set<String> scans = new LinkedHashSet<>();
        for (Result result : results) {
            scannerData(result).ifPresent(scans::add);
        }
        return new ArrayList<>(scans);
    }

    /** What a scanner would send for this symbol, with the AIM identifier the input layer reads. */
    static Optional<String> scannerData(Result result) {
        String text = result.getText();
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String aim = aimId(result);
        return switch (result.getBarcodeFormat()) {
            // With ASSUME_GS1 ZXing itself starts GS1-128 text with ]C1 and turns later FNC1s into ASCII 29;
            // Code128Results mends the reads where ZXing took the check character for FNC1 or FNC2.
            case CODE_128 -> Optional.of(code128(result));
            case EAN_13 -> Optional.of("]E0" + text);
            // Scanners send UPC-A and UPC-E as the 13 digits of their EAN-13 form (ISO/IEC 15424).
            case UPC_A -> Optional.of("]E0" + "0" + text);
            case UPC_E -> Optional.of("]E0" + "0" + UPCEReader.convertUPCEtoUPCA(text));
            case EAN_8 -> Optional.of("]E4" + text);
            // FNC1 in first position makes GS1 data; ZXing writes that FNC1 as a leading ASCII 29, which a scanner
            // does not send (the identifier says it). Other modifiers (ECI) carry text already decoded to Unicode here.
            case DATA_MATRIX -> Optional.of("]d2".equals(aim) ? "]d2" + withoutLeadingSeparator(text) : "]d1" + text);
            case QR_CODE -> Optional.of("]Q3".equals(aim) ? "]Q3" + withoutLeadingSeparator(text) : "]Q1" + text);
            default -> Optional.empty();
        };
    }

    private static String code128(Result result) {
        String text = Code128Results.text(result);
        return Code128Results.isGs1(result) ? text : "]C0" + text;
    }

    private static String withoutLeadingSeparator(String text) {
        return text.startsWith("\u001d") ? text.substring(1) : text;
    }

    private static String aimId(Result result) {
        Map<ResultMetadataType, Object> metadata = result.getResultMetadata();
        Object aim = metadata == null ? null : metadata.get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
        return aim == null ? "" : aim.toString();
    }

    private static Optional<String> tooManyPixels(Path file, String name) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            if (stream == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                return pixels > MAX_PIXELS ? Optional.of(name + " has too many pixels to read (" + reader.getWidth(0) + "x"
                        + reader.getHeight(0) + ")") : Optional.empty();
            } finally {
                reader.dispose();
            }
        }
    }

    private static Map<DecodeHintType, Object> hints() {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.CODE_128, BarcodeFormat.EAN_13, BarcodeFormat.EAN_8,
                BarcodeFormat.UPC_A, BarcodeFormat.UPC_E, BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.ASSUME_GS1, Boolean.TRUE);
        return hints;
    }
}
