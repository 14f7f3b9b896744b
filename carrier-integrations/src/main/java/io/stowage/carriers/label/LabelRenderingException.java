package io.stowage.carriers.label;

import io.stowage.carriers.spi.CarrierException;

/** A label could not be drawn, for example because a barcode's content cannot be encoded. */
public class LabelRenderingException extends CarrierException {

    public LabelRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
