package io.stowage.barcodes.gs1;

import java.util.Optional;

/**
 * The two coupon linters: {@code couponcode} for the North American Coupon Code in AI (8110) and
 * {@code couponposoffer} for the positive offer file coupon in AI (8112). Both are runs of
 * digits made of fields, several of them preceded by a one-digit length indicator (VLI).
 */
final class CouponLinters {

    private CouponLinters() {
    }

    static Optional<String> northAmericanCouponCode(String data) {
        if (!Gs1CheckDigit.isAllDigits(data) && !data.isEmpty()) {
            return Linters.fail("must be digits only");
        }
        try {
            Fields fields = new Fields(data);
            fields.companyPrefix("GS1 Company Prefix", '0', '6', false);
            fields.fixed("offer code", 6);
            fields.lengthAndValue("save value", '1', '5', 0);
            fields.lengthAndValue("first purchase requirement", '1', '5', 0);
            fields.oneOf("first purchase requirement code", "012349");
            fields.fixed("first purchase family code", 3);
            if (fields.startsOptional('1')) {
                fields.oneOf("additional purchase rules code", "0123");
                fields.lengthAndValue("second purchase requirement", '1', '5', 0);
                fields.oneOf("second purchase requirement code", "012349");
                fields.fixed("second purchase family code", 3);
                fields.companyPrefix("second purchase GS1 Company Prefix", '0', '6', true);
            }
            if (fields.startsOptional('2')) {
                fields.lengthAndValue("third purchase requirement", '1', '5', 0);
                fields.oneOf("third purchase requirement code", "012349");
                fields.fixed("third purchase family code", 3);
                fields.companyPrefix("third purchase GS1 Company Prefix", '0', '6', true);
            }
            String expiry = null;
            if (fields.startsOptional('3')) {
                expiry = fields.date("expiration date");
            }
            if (fields.startsOptional('4')) {
                String start = fields.date("start date");
                if (expiry != null && start.compareTo(expiry) > 0) {
                    return Linters.fail("has start date " + start + " after its expiration date " + expiry);
                }
            }
            if (fields.startsOptional('5')) {
                fields.lengthAndValue("serial number", '0', '9', 6);
            }
            if (fields.startsOptional('6')) {
                fields.companyPrefix("retailer GS1 Company Prefix or GLN", '1', '7', false);
            }
            if (fields.startsOptional('9')) {
                fields.oneOf("save value code", "01256");
                fields.oneOf("save value applies to item", "012");
                fields.oneOf("store coupon flag", "0123456789");
                fields.oneOf("don't multiply flag", "01");
            }
            fields.requireEnd();
            return Linters.ok();
        } catch (BadField e) {
            return Linters.fail(e.getMessage());
        }
    }

    static Optional<String> positiveOfferCoupon(String data) {
        if (!Gs1CheckDigit.isAllDigits(data) && !data.isEmpty()) {
            return Linters.fail("must be digits only");
        }
        try {
            Fields fields = new Fields(data);
            fields.oneOf("format code", "01");
            fields.lengthAndValue("funder ID", '0', '6', 6);
            fields.fixed("offer code", 6);
            fields.lengthAndValue("serial number", '0', '9', 6);
            fields.requireEnd();
            return Linters.ok();
        } catch (BadField e) {
            return Linters.fail(e.getMessage());
        }
    }

    /** Reads the coupon's fields left to right; any field that is missing or malformed ends the check. */
    private static final class Fields {
        private final String data;
        private int position;

        Fields(String data) {
            this.data = data;
        }

        boolean startsOptional(char indicator) {
            if (position < data.length() && data.charAt(position) == indicator) {
                position++;
                return true;
            }
            return false;
        }

        void oneOf(String field, String allowed) {
            if (position >= data.length()) {
                throw new BadField("is missing its " + field);
            }
            if (allowed.indexOf(data.charAt(position)) < 0) {
                throw new BadField("has an invalid " + field + " '" + data.charAt(position) + "'");
            }
            position++;
        }

        String fixed(String field, int length) {
            if (data.length() - position < length) {
                throw new BadField("has a truncated " + field + ": expected " + length + " digits");
            }
            String value = data.substring(position, position + length);
            position += length;
            return value;
        }

        /** A length indicator between {@code min} and {@code max}, then that many digits plus {@code offset}. */
        String lengthAndValue(String field, char min, char max, int offset) {
            if (position >= data.length()) {
                throw new BadField("is missing the length indicator of its " + field);
            }
            char indicator = data.charAt(position);
            if (indicator < min || indicator > max) {
                throw new BadField("has an invalid length indicator " + indicator + " for its " + field);
            }
            position++;
            return fixed(field, indicator - '0' + offset);
        }

        /** A GCP length indicator (length = indicator + 6), or 9 for none when {@code nineMeansNone}. */
        void companyPrefix(String field, char min, char max, boolean nineMeansNone) {
            if (nineMeansNone && position < data.length() && data.charAt(position) == '9') {
                position++;
                return;
            }
            String prefix = lengthAndValue(field, min, max, 6);
            Linters.problem("gcppos1", prefix).ifPresent(problem -> {
                throw new BadField("has a " + field + " that " + problem);
            });
        }

        String date(String field) {
            String date = fixed(field, 6);
            Linters.problem("yymmdd", date).ifPresent(problem -> {
                throw new BadField("has an invalid " + field + " " + date);
            });
            return date;
        }

        void requireEnd() {
            if (position != data.length()) {
                throw new BadField("has unexpected data '" + data.substring(position) + "' after its last field");
            }
        }
    }

    private static final class BadField extends RuntimeException {
        BadField(String message) {
            super(message, null, false, false);
        }
    }
}
