package io.stowage.api.billing;

import io.stowage.api.problem.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The prices of one rate-card version, every amount in minor units of the card's currency and every
 * markup in basis points (1500 = 15 %). A null price is not charged. Maps are keyed by location type
 * ({@code pick_face}, {@code reserve}, ...) or by return grade ({@code restock}, {@code refurbish},
 * {@code quarantine}, {@code dispose}).
 */
public record Rates(
        Map<String, Long> storagePerLocationDay,
        Long storagePerCubicMetreDay,
        Long receivingPerUnit,
        Long receivingPerCarton,
        Long receivingPerPallet,
        Long putawayPerUnit,
        Long pickPerOrder,
        Long pickPerExtraLine,
        Long pickPerUnit,
        Long packPerCarton,
        Integer packagingMarkupBp,
        Long labelPerShipment,
        Integer shippingMarkupBp,
        Long shippingMarkupFixed,
        Long returnPerItem,
        Map<String, Long> returnPerGrade,
        Long cycleCountPerLocation,
        Long monthlyMinimum) {

    static final List<String> LOCATION_TYPES = List.of("pick_face", "reserve", "dock", "staging", "pack_station", "returns");
    static final List<String> GRADES = List.of("restock", "refurbish", "quarantine", "dispose");

    public Rates {
        storagePerLocationDay = storagePerLocationDay == null ? Map.of() : Map.copyOf(storagePerLocationDay);
        returnPerGrade = returnPerGrade == null ? Map.of() : Map.copyOf(returnPerGrade);
    }

    /** Every price and markup that is negative, every map key that is unknown, as field problems under {@code rates}; empty when the card is sound. */
    List<ApiProblem.FieldProblem> problems() {
        List<ApiProblem.FieldProblem> problems = new ArrayList<>();
        nonNegative(problems, "storage_per_cubic_metre_day", storagePerCubicMetreDay);
        nonNegative(problems, "receiving_per_unit", receivingPerUnit);
        nonNegative(problems, "receiving_per_carton", receivingPerCarton);
        nonNegative(problems, "receiving_per_pallet", receivingPerPallet);
        nonNegative(problems, "putaway_per_unit", putawayPerUnit);
        nonNegative(problems, "pick_per_order", pickPerOrder);
        nonNegative(problems, "pick_per_extra_line", pickPerExtraLine);
        nonNegative(problems, "pick_per_unit", pickPerUnit);
        nonNegative(problems, "pack_per_carton", packPerCarton);
        nonNegative(problems, "packaging_markup_bp", packagingMarkupBp == null ? null : packagingMarkupBp.longValue());
        nonNegative(problems, "label_per_shipment", labelPerShipment);
        nonNegative(problems, "shipping_markup_bp", shippingMarkupBp == null ? null : shippingMarkupBp.longValue());
        nonNegative(problems, "shipping_markup_fixed", shippingMarkupFixed);
        nonNegative(problems, "return_per_item", returnPerItem);
        nonNegative(problems, "cycle_count_per_location", cycleCountPerLocation);
        nonNegative(problems, "monthly_minimum", monthlyMinimum);
        keyed(problems, "storage_per_location_day", storagePerLocationDay, LOCATION_TYPES);
        keyed(problems, "return_per_grade", returnPerGrade, GRADES);
        if (shippingMarkupBp != null && shippingMarkupFixed != null) {
            problems.add(new ApiProblem.FieldProblem("rates.shipping_markup_fixed",
                    "give either shipping_markup_bp (a percentage) or shipping_markup_fixed (an amount per shipment), not both"));
        }
        return problems;
    }

    private static void nonNegative(List<ApiProblem.FieldProblem> problems, String field, Long value) {
        if (value != null && value < 0) {
            problems.add(new ApiProblem.FieldProblem("rates." + field, "must not be negative"));
        }
    }

    private static void keyed(List<ApiProblem.FieldProblem> problems, String field, Map<String, Long> rates, List<String> keys) {
        rates.forEach((key, value) -> {
            if (!keys.contains(key)) {
                problems.add(new ApiProblem.FieldProblem("rates." + field + "." + key, "is not one of " + String.join(", ", keys)));
            } else if (value == null || value < 0) {
                problems.add(new ApiProblem.FieldProblem("rates." + field + "." + key, "must be a price of zero or more"));
            }
        });
    }
}
