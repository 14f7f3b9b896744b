package io.stowage.carriers.spi;

import java.util.List;

/**
 * A remote carrier API rejected a request. Carries the HTTP status, the carrier's own error code and
 * its per-field messages so the caller can show them to the merchant.
 */
public class CarrierApiException extends CarrierException {

    private final int httpStatus;
    private final String carrierErrorCode;
    private final List<String> fieldErrors;

    public CarrierApiException(String message, int httpStatus, String carrierErrorCode, List<String> fieldErrors) {
        super(message);
        this.httpStatus = httpStatus;
        this.carrierErrorCode = carrierErrorCode;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String carrierErrorCode() {
        return carrierErrorCode;
    }

    public List<String> fieldErrors() {
        return fieldErrors;
    }

    /** True when the same request may succeed later (rate limiting, server trouble). */
    public boolean isTransient() {
        return httpStatus == 429 || httpStatus >= 500;
    }
}
