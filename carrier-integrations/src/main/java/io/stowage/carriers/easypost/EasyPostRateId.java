package io.stowage.carriers.easypost;

import io.stowage.carriers.spi.NoEligibleServiceException;

/**
 * A rate is bought through its shipment, so the quote's id carries both: {@code shp_…:rate_…}.
 */
record EasyPostRateId(String shipmentId, String rateId) {

    static EasyPostRateId parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 2 || !parts[0].startsWith("shp_") || !parts[1].startsWith("rate_")) {
            throw new NoEligibleServiceException("'" + text + "' is not an EasyPost rate id of the form shp_…:rate_…");
        }
        return new EasyPostRateId(parts[0], parts[1]);
    }

    @Override
    public String toString() {
        return shipmentId + ":" + rateId;
    }
}
