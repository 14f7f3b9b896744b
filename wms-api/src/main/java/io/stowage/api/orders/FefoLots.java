package io.stowage.api.orders;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * First expired, first out. Which lots of a variant at one node may go to a customer, and in what
 * order: a lot on or past its expiry date never ships (it could not be used on arrival), nor one with
 * fewer days left than the merchant's rule for the channel; of the rest the earliest expiry goes
 * first. Lots without an expiry date come last.
 */
public final class FefoLots {

    /** Unallocated available units of one lot at one node. */
    public record LotStock(UUID lotKey, String lotNumber, LocalDate expiresOn, int free) {
    }

    /** Units to take from one lot. */
    public record Take(LotStock lot, int quantity) {
    }

    private FefoLots() {
    }

    /** The lots that may ship, earliest expiry first. */
    public static List<LotStock> eligible(List<LotStock> lots, LocalDate today, int minRemainingDays) {
        return lots.stream()
                .filter(lot -> lot.free() > 0)
                .filter(lot -> lot.expiresOn() == null || remainingDays(lot, today) > 0 && remainingDays(lot, today) >= minRemainingDays)
                .sorted(Comparator.comparing(LotStock::expiresOn, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(LotStock::lotNumber, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    public static int total(List<LotStock> eligible) {
        return eligible.stream().mapToInt(LotStock::free).sum();
    }

    /** Takes {@code quantity} units from the eligible lots in their order; fails if they hold fewer. */
    public static List<Take> take(List<LotStock> eligible, int quantity) {
        List<Take> takes = new ArrayList<>();
        int left = quantity;
        for (LotStock lot : eligible) {
            if (left == 0) {
                break;
            }
            int q = Math.min(left, lot.free());
            takes.add(new Take(lot, q));
            left -= q;
        }
        if (left > 0) {
            throw new IllegalArgumentException("The eligible lots hold fewer than " + quantity + " units");
        }
        return takes;
    }

    private static long remainingDays(LotStock lot, LocalDate today) {
        return ChronoUnit.DAYS.between(today, lot.expiresOn());
    }
}
