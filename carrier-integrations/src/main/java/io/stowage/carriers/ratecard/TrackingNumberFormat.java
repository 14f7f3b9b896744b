package io.stowage.carriers.ratecard;

import io.stowage.barcodes.gs1.Gs1CheckDigit;

/** Forms tracking numbers as a rate card describes them. */
final class TrackingNumberFormat {

    private static final int[] S10_WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    private final RateCard.TrackingNumbers spec;

    TrackingNumberFormat(String source, RateCard.TrackingNumbers spec) {
        boolean s10 = "S10".equals(spec.format()) && spec.s10ServiceIndicator() != null
                && spec.s10ServiceIndicator().matches("[A-Z]{2}") && spec.s10CountryCode() != null
                && spec.s10CountryCode().matches("[A-Z]{2}");
        boolean numeric = "NUMERIC".equals(spec.format()) && spec.numericPrefix() != null
                && spec.numericPrefix().matches("\\d*") && spec.numericLength() > spec.numericPrefix().length() + 1;
        if (!s10 && !numeric) {
            throw new InvalidRateCardException("rate card " + source
                    + ": trackingNumbers must be S10 with two-letter service indicator and country, or NUMERIC with a digit prefix and length");
        }
        this.spec = spec;
    }

    String format(long serial) {
        if ("S10".equals(spec.format())) {
            return s10(spec.s10ServiceIndicator(), serial % 100_000_000L, spec.s10CountryCode());
        }
        int serialDigits = spec.numericLength() - spec.numericPrefix().length() - 1;
        long bounded = serial % (long) Math.pow(10, serialDigits);
        String body = spec.numericPrefix() + String.format("%0" + serialDigits + "d", bounded);
        return body + Gs1CheckDigit.compute(body);
    }

    /** UPU S10: two letters, eight serial digits, a mod-11 check digit, the issuing country. */
    static String s10(String serviceIndicator, long serial, String country) {
        String digits = String.format("%08d", serial);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (digits.charAt(i) - '0') * S10_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        if (check == 10) {
            check = 0;
        } else if (check == 11) {
            check = 5;
        }
        return serviceIndicator + digits + check + country;
    }
}
