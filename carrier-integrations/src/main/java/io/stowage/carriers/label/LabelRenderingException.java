package io.stowage.carriers.label;

import io.stowage.carriers.spi.CarrierException;

/**
 * A label could not be drawn, for example because a barcode's content cannot be encoded or does
 * not fit on the label; raised before any format is written.
 */
public class LabelRenderingException extends CarrierException {

    public LabelRenderingException(String message) {
        super(message);
    }

    public LabelRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
