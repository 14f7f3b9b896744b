package io.stowage.barcodes.gs1;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The content checks ("linters") that the GS1 Barcode Syntax Dictionary names after a component,
 * implemented after GS1's reference Syntax Tests. Every linter GS1 defines is here, including
 * those no AI uses at the moment ({@code key}, {@code keyoff1}, {@code hhmm}, {@code mm},
 * {@code mmoptss}, {@code yymmddhh}, {@code yyyymmd0}, {@code iso3166list}, {@code latlong}) so
 * that a newer dictionary that uses them loads. A name that is not here is an error when the
 * dictionary is loaded ({@link SyntaxDictionary}), never a silent pass.
 *
 * <p>Without an online GS1 Company Prefix service, {@code gcppos1}/{@code gcppos2} check what
 * GS1's reference does offline: the first four characters (the shortest GCP) are digits.
 */
final class Linters {

    /** One linter: a description of what is wrong with a component's value, or empty when it passes. */
    @FunctionalInterface
    interface Linter {
        Optional<String> problem(String part);
    }

    private static final int GCP_MIN_LENGTH = 4;
    private static final String CSET_82_BY_WEIGHT =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final String CSET_32_BY_WEIGHT = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int[] PRIMES = firstPrimes(97);
    private static final String IMPORTER_INDEX_CHARACTERS =
            "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final int IBAN_MAX_LENGTH = 34;
    private static final int IBAN_MIN_LENGTH = 11;

    private static final Map<String, Linter> LINTERS = Map.ofEntries(
            Map.entry("csum", Linters::checkDigit),
            Map.entry("csumalpha", Linters::checkCharacterPair),
            Map.entry("gcppos1", part -> companyPrefixAt(part, 0)),
            Map.entry("gcppos2", part -> companyPrefixAt(part, 1)),
            Map.entry("key", part -> companyPrefixAt(part, 0)),
            Map.entry("keyoff1", part -> companyPrefixAt(part, 1)),
            Map.entry("yymmdd", part -> sixDigitDate(part, false)),
            Map.entry("yymmd0", part -> sixDigitDate(part, true)),
            Map.entry("yyyymmdd", part -> eightDigitDate(part, false)),
            Map.entry("yyyymmd0", part -> eightDigitDate(part, true)),
            Map.entry("yymmddhh", Linters::dateAndHour),
            Map.entry("hhmi", Linters::hourMinute),
            Map.entry("hhmm", Linters::hourMinute),
            Map.entry("hh", part -> twoDigitRange(part, 23, "hour")),
            Map.entry("mi", part -> twoDigitRange(part, 59, "minute")),
            Map.entry("mm", part -> twoDigitRange(part, 59, "minute")),
            Map.entry("ss", part -> twoDigitRange(part, 59, "second")),
            Map.entry("mmoptss", Linters::minutesOptionalSeconds),
            Map.entry("yesno", part -> oneOf(part, Set.of("0", "1"), "must be 0 (no) or 1 (yes)")),
            Map.entry("zero", part -> oneOf(part, Set.of("0"), "must be 0")),
            Map.entry("nonzero", Linters::nonZero),
            Map.entry("hyphen", part -> oneOf(part, Set.of("-"), "must be '-'")),
            Map.entry("nozeroprefix", Linters::noZeroPrefix),
            Map.entry("hasnondigit", Linters::hasNonDigit),
            Map.entry("pieceoftotal", Linters::pieceOfTotal),
            Map.entry("posinseqslash", Linters::positionInSequence),
            Map.entry("winding", part -> oneOf(part, Set.of("0", "1", "9"),
                    "is not a winding direction: 0 (face in), 1 (face out) or 9 (undefined)")),
            Map.entry("iso5218", part -> oneOf(part, Set.of("0", "1", "2", "9"),
                    "is not an ISO/IEC 5218 sex code: 0, 1, 2 or 9")),
            Map.entry("mediatype", Linters::mediaType),
            Map.entry("latitude", part -> coordinate(part, 1_800_000_000L, "latitude")),
            Map.entry("longitude", part -> coordinate(part, 3_600_000_000L, "longitude")),
            Map.entry("latlong", Linters::latitudeLongitude),
            Map.entry("pcenc", Linters::percentEncoding),
            Map.entry("importeridx", Linters::importerIndex),
            Map.entry("iso3166", part -> inList(part, CodeLists.ISO_3166_NUMERIC, "an ISO 3166 numeric country code")),
            Map.entry("iso3166999", part -> part.equals("999") ? ok()
                    : inList(part, CodeLists.ISO_3166_NUMERIC, "an ISO 3166 numeric country code or 999")),
            Map.entry("iso3166alpha2", part -> inList(part, CodeLists.ISO_3166_ALPHA_2, "an ISO 3166 alpha-2 country code")),
            Map.entry("iso3166list", Linters::countryList),
            Map.entry("iso4217", part -> inList(part, CodeLists.ISO_4217_NUMERIC, "an ISO 4217 numeric currency code")),
            Map.entry("packagetype", part -> inList(part, CodeLists.PACKAGE_TYPES, "a GS1 PackageTypeCode")),
            Map.entry("iban", Linters::iban),
            Map.entry("couponcode", CouponLinters::northAmericanCouponCode),
            Map.entry("couponposoffer", CouponLinters::positiveOfferCoupon));

    private Linters() {
    }

    /** Whether a linter of this name is implemented. */
    static boolean exists(String linter) {
        return LINTERS.containsKey(linter);
    }

    /** Every implemented linter's name, sorted. */
    static Set<String> names() {
        return new TreeSet<>(LINTERS.keySet());
    }

    /**
     * A human description of what is wrong with {@code part}, or empty when it passes.
     *
     * @throws IllegalStateException for a linter name that is not implemented: the dictionary
     *                               loader refuses such names, so this cannot pass unchecked
     */
    static Optional<String> problem(String linter, String part) {
        Linter implementation = LINTERS.get(linter);
        if (implementation == null) {
            throw new IllegalStateException("GS1 linter '" + linter + "' is not implemented");
        }
        return implementation.problem(part);
    }

    private static Optional<String> checkDigit(String part) {
        if (part.isEmpty() || !Gs1CheckDigit.isAllDigits(part)) {
            return fail("must be digits ending in a check digit");
        }
        if (part.length() < 2) {
            return fail("is too short to carry a check digit");
        }
        return Gs1CheckDigit.isValid(part) ? ok()
                : fail("has check digit " + part.charAt(part.length() - 1) + ", expected "
                + Gs1CheckDigit.compute(part.substring(0, part.length() - 1)));
    }

    /** GS1 check character pair for alphanumeric keys: CSET 82 weights times primes, mod 1021, as two CSET 32 characters. */
    private static Optional<String> checkCharacterPair(String part) {
        if (part.length() < 2) {
            return fail("is too short to carry a check character pair");
        }
        int dataLength = part.length() - 2;
        if (dataLength > PRIMES.length) {
            return fail("is too long for a check character pair");
        }
        int sum = 0;
        for (int i = 0; i < dataLength; i++) {
            int weight = CSET_82_BY_WEIGHT.indexOf(part.charAt(i));
            if (weight < 0) {
                return fail("contains '" + part.charAt(i) + "', not in CSET 82");
            }
            sum += weight * PRIMES[dataLength - 1 - i];
        }
        sum %= 1021;
        for (int i = dataLength; i < part.length(); i++) {
            if (CSET_32_BY_WEIGHT.indexOf(part.charAt(i)) < 0) {
                return fail("has check character '" + part.charAt(i) + "', not in CSET 32");
            }
        }
        String expected = "" + CSET_32_BY_WEIGHT.charAt(sum >> 5) + CSET_32_BY_WEIGHT.charAt(sum & 31);
        return part.endsWith(expected) ? ok()
                : fail("has check characters " + part.substring(dataLength) + ", expected " + expected);
    }

    private static Optional<String> companyPrefixAt(String part, int offset) {
        if (part.length() < offset + GCP_MIN_LENGTH) {
            return fail("is too short to hold a GS1 Company Prefix");
        }
        for (int i = offset; i < offset + GCP_MIN_LENGTH; i++) {
            if (!isDigit(part.charAt(i))) {
                return fail("does not start with a GS1 Company Prefix" + (offset > 0 ? " after its first character" : ""));
            }
        }
        return ok();
    }

    private static Optional<String> sixDigitDate(String part, boolean dayZeroAllowed) {
        if (part.length() != 6 || !Gs1CheckDigit.isAllDigits(part)) {
            return fail("is not a YYMMDD date");
        }
        if (!dayZeroAllowed && part.endsWith("00")) {
            return fail("is not a date: day 00 is not allowed here");
        }
        try {
            Gs1Dates.resolve(part);
            return ok();
        } catch (InvalidBarcodeException e) {
            return fail("is not a valid YYMMDD date");
        }
    }

    private static Optional<String> eightDigitDate(String part, boolean dayZeroAllowed) {
        if (part.length() != 8 || !Gs1CheckDigit.isAllDigits(part)) {
            return fail("is not a YYYYMMDD date");
        }
        int year = Integer.parseInt(part.substring(0, 4));
        int month = Integer.parseInt(part.substring(4, 6));
        int day = Integer.parseInt(part.substring(6, 8));
        try {
            if (day == 0 && dayZeroAllowed) {
                YearMonth.of(year, month);
            } else {
                LocalDate.of(year, month, day);
            }
            return ok();
        } catch (DateTimeException e) {
            return fail("is not a valid YYYYMMDD date");
        }
    }

    private static Optional<String> dateAndHour(String part) {
        if (part.length() != 8) {
            return fail("is not YYMMDDHH");
        }
        return sixDigitDate(part.substring(0, 6), false).or(() -> twoDigitRange(part.substring(6), 23, "hour"));
    }

    private static Optional<String> hourMinute(String part) {
        if (part.length() != 4) {
            return fail("is not HHMI");
        }
        return twoDigitRange(part.substring(0, 2), 23, "hour").or(() -> twoDigitRange(part.substring(2), 59, "minute"));
    }

    private static Optional<String> minutesOptionalSeconds(String part) {
        if (part.length() != 2 && part.length() != 4) {
            return fail("is not MM or MMSS");
        }
        return twoDigitRange(part.substring(0, 2), 59, "minute")
                .or(() -> part.length() == 4 ? twoDigitRange(part.substring(2), 59, "second") : ok());
    }

    private static Optional<String> twoDigitRange(String part, int max, String what) {
        if (part.length() != 2 || !Gs1CheckDigit.isAllDigits(part)) {
            return fail("is not a two-digit " + what);
        }
        int value = Integer.parseInt(part);
        return value <= max ? ok() : fail("has " + what + " " + part + " outside 00-" + max);
    }

    private static Optional<String> oneOf(String part, Set<String> allowed, String reason) {
        return allowed.contains(part) ? ok() : fail(reason);
    }

    private static Optional<String> nonZero(String part) {
        if (!Gs1CheckDigit.isAllDigits(part)) {
            return fail("must be a number");
        }
        return part.chars().allMatch(c -> c == '0') ? fail("must not be zero") : ok();
    }

    private static Optional<String> noZeroPrefix(String part) {
        return part.length() > 1 && part.charAt(0) == '0' ? fail("must not start with 0") : ok();
    }

    private static Optional<String> hasNonDigit(String part) {
        return part.chars().allMatch(c -> isDigit((char) c)) ? fail("must contain at least one non-digit character") : ok();
    }

    private static Optional<String> pieceOfTotal(String part) {
        if (part.isEmpty() || part.length() % 2 != 0 || !Gs1CheckDigit.isAllDigits(part)) {
            return fail("is not a piece number followed by a total of the same length");
        }
        int half = part.length() / 2;
        long piece = Long.parseLong(part.substring(0, half));
        long total = Long.parseLong(part.substring(half));
        return piece >= 1 && total >= 1 && piece <= total ? ok() : fail("piece " + piece + " of total " + total
                + " is not a valid piece count");
    }

    /** {@code <position>/<end>}, both positive without leading zeros, position not after end. */
    private static Optional<String> positionInSequence(String part) {
        int slash = part.indexOf('/');
        if (slash <= 0 || slash == part.length() - 1 || part.indexOf('/', slash + 1) >= 0) {
            return fail("is not a position in sequence such as 1/2");
        }
        String position = part.substring(0, slash);
        String end = part.substring(slash + 1);
        if (!Gs1CheckDigit.isAllDigits(position) || !Gs1CheckDigit.isAllDigits(end)) {
            return fail("is not a position in sequence such as 1/2");
        }
        if (position.charAt(0) == '0' || end.charAt(0) == '0') {
            return fail("must not have zero or a leading zero in its position or end");
        }
        boolean exceeds = position.length() > end.length()
                || (position.length() == end.length() && position.compareTo(end) > 0);
        return exceeds ? fail("has position " + position + " after the end " + end) : ok();
    }

    private static Optional<String> mediaType(String part) {
        if (part.length() != 2 || !Gs1CheckDigit.isAllDigits(part)) {
            return fail("is not a two-digit AIDC media type");
        }
        int value = Integer.parseInt(part);
        return (value >= 1 && value <= 10) || value >= 80 ? ok()
                : fail("is not an assigned AIDC media type (01-10, 80-99)");
    }

    private static Optional<String> coordinate(String part, long max, String what) {
        if (part.length() != 10 || !Gs1CheckDigit.isAllDigits(part)) {
            return fail("is not a ten-digit " + what);
        }
        return Long.parseLong(part) <= max ? ok() : fail("has " + what + " " + part + " above " + max);
    }

    private static Optional<String> latitudeLongitude(String part) {
        if (part.length() != 20) {
            return fail("is not a twenty-digit latitude and longitude");
        }
        return coordinate(part.substring(0, 10), 1_800_000_000L, "latitude")
                .or(() -> coordinate(part.substring(10), 3_600_000_000L, "longitude"));
    }

    private static Optional<String> percentEncoding(String part) {
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) == '%') {
                if (i + 2 >= part.length()) {
                    return fail("has an incomplete percent-escape at position " + (i + 1));
                }
                if (!isHex(part.charAt(i + 1)) || !isHex(part.charAt(i + 2))) {
                    return fail("has an invalid percent-escape '" + part.substring(i, i + 3) + "'");
                }
                i += 2;
            }
        }
        return ok();
    }

    private static Optional<String> importerIndex(String part) {
        return part.length() == 1 && IMPORTER_INDEX_CHARACTERS.indexOf(part.charAt(0)) >= 0 ? ok()
                : fail("is not an importer index: one of 0-9, A-Z, a-z, '-' or '_'");
    }

    private static Optional<String> countryList(String part) {
        if (part.isEmpty() || part.length() % 3 != 0) {
            return fail("is not a list of three-digit country codes");
        }
        for (int i = 0; i < part.length(); i += 3) {
            String code = part.substring(i, i + 3);
            if (!CodeLists.ISO_3166_NUMERIC.contains(code)) {
                return fail("contains " + code + ", not an ISO 3166 numeric country code");
            }
        }
        return ok();
    }

    /** ISO 13616: a known country, at most 34 characters, and mod 97 of the rearranged number is 1. */
    private static Optional<String> iban(String part) {
        if (part.length() < 4) {
            return fail("is too short to be an IBAN");
        }
        if (!CodeLists.ISO_3166_ALPHA_2.contains(part.substring(0, 2))) {
            return fail("does not start with an ISO 3166 alpha-2 country code");
        }
        if (part.length() > IBAN_MAX_LENGTH) {
            return fail("is longer than an IBAN's 34 characters");
        }
        if (part.length() < IBAN_MIN_LENGTH) {
            return fail("is too short to be an IBAN");
        }
        String rearranged = part.substring(4) + part.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (isDigit(c)) {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            } else {
                return fail("contains '" + c + "', not allowed in an IBAN");
            }
        }
        return remainder == 1 ? ok() : fail("has wrong IBAN check digits " + part.substring(2, 4));
    }

    private static Optional<String> inList(String part, Set<String> list, String what) {
        return list.contains(part) ? ok() : fail("is not " + what);
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }

    private static int[] firstPrimes(int count) {
        int[] primes = new int[count];
        int found = 0;
        for (int candidate = 2; found < count; candidate++) {
            boolean prime = true;
            for (int i = 0; i < found && primes[i] * primes[i] <= candidate; i++) {
                if (candidate % primes[i] == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                primes[found++] = candidate;
            }
        }
        return primes;
    }

    static Optional<String> ok() {
        return Optional.empty();
    }

    static Optional<String> fail(String reason) {
        return Optional.of(reason);
    }
}
