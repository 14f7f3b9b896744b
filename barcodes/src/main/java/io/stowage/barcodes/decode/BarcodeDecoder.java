package io.stowage.barcodes.decode;

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
import io.stowage.barcodes.gs1.ElementString;
import io.stowage.barcodes.gs1.InvalidBarcodeException;
import io.stowage.barcodes.render.Symbology;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds and reads every Code 128, GS1-128, QR Code, GS1 QR Code, Data Matrix and GS1 DataMatrix
 * symbol in an image, such as a photo of a label or a rendered PNG. GS1 symbols are told apart by
 * the symbology identifier ZXing reports ({@code ]Q3}, {@code ]d2}; Code 128 through
 * {@link Code128Results}) and come back as bracketed element strings.
 */
public final class BarcodeDecoder {

    /** Data Matrix and QR Code with FNC1 in first position: the symbol carries GS1 element strings. */
    private static final String GS1_DATA_MATRIX_AIM_ID = "]d2";
    private static final String GS1_QR_AIM_ID = "]Q3";

    private BarcodeDecoder() {
    }

    /** Decodes every supported barcode in the image; empty when there is none. */
    public static List<DecodedBarcode> decodeAll(BufferedImage image) {
        if (image == null) {
            throw new InvalidBarcodeException("No image to decode");
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        MultiFormatReader reader = new MultiFormatReader();
        reader.setHints(hints());
        Result[] results;
        try {
            results = new GenericMultipleBarcodeReader(reader).decodeMultiple(bitmap, hints());
        } catch (NotFoundException e) {
            return List.of();
        }
        Set<DecodedBarcode> decoded = new LinkedHashSet<>();
        for (Result result : results) {
            decoded.add(toDecoded(result));
        }
        return new ArrayList<>(decoded);
    }

    /** Decodes every supported barcode in PNG, JPEG, GIF or BMP bytes. */
    public static List<DecodedBarcode> decodeAll(byte[] imageBytes) {
        if (imageBytes == null || imageBytes.length == 0) {
            throw new InvalidBarcodeException("No image bytes to decode");
        }
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(imageBytes));
        } catch (IOException e) {
            throw new InvalidBarcodeException("Image bytes cannot be read: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new InvalidBarcodeException("Image bytes are not in a readable image format");
        }
        return decodeAll(image);
    }

    private static DecodedBarcode toDecoded(Result result) {
        String text = result.getBarcodeFormat() == BarcodeFormat.CODE_128 ? Code128Results.text(result) : result.getText();
        return switch (result.getBarcodeFormat()) {
            case CODE_128 -> Code128Results.isGs1(result)
                    ? new DecodedBarcode(Symbology.GS1_128, ElementString.parseUnbracketed(text).bracketed())
                    : new DecodedBarcode(Symbology.CODE_128, text);
            case QR_CODE -> GS1_QR_AIM_ID.equals(aimId(result))
                    ? new DecodedBarcode(Symbology.GS1_QR_CODE, ElementString.parseUnbracketed(GS1_QR_AIM_ID + text).bracketed())
                    : new DecodedBarcode(Symbology.QR_CODE, text);
            case DATA_MATRIX -> GS1_DATA_MATRIX_AIM_ID.equals(aimId(result))
                    ? new DecodedBarcode(Symbology.GS1_DATA_MATRIX,
                    ElementString.parseUnbracketed(GS1_DATA_MATRIX_AIM_ID + text).bracketed())
                    : new DecodedBarcode(Symbology.DATA_MATRIX, text);
            default -> throw new IllegalStateException("Reader returned unrequested format " + result.getBarcodeFormat());
        };
    }

    private static String aimId(Result result) {
        Map<ResultMetadataType, Object> metadata = result.getResultMetadata();
        Object aimId = metadata == null ? null : metadata.get(ResultMetadataType.SYMBOLOGY_IDENTIFIER);
        return aimId == null ? "" : aimId.toString();
    }

    private static Map<DecodeHintType, Object> hints() {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS,
                List.of(BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE, BarcodeFormat.DATA_MATRIX));
        hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        hints.put(DecodeHintType.ASSUME_GS1, Boolean.TRUE);
        return hints;
    }
}
