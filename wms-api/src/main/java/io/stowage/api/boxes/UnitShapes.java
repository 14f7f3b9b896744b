package io.stowage.api.boxes;

import io.stowage.api.problem.ApiProblem;
import java.util.ArrayList;
import java.util.List;

/** The checks on units handed to the cartonization: sizes and weights as the catalog keeps them, never negative. */
final class UnitShapes {

    /** An order larger than this is split by the packer, not by one suggestion. */
    static final int MAX_UNITS = 500;

    private UnitShapes() {
    }

    static void check(List<UnitShape> units) {
        if (units == null || units.isEmpty()) {
            throw ApiProblem.invalid("units", "must name at least one unit");
        }
        if (units.size() > MAX_UNITS) {
            throw ApiProblem.invalid("units", "must be at most " + MAX_UNITS + " units, not " + units.size());
        }
        List<ApiProblem.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            UnitShape unit = units.get(i);
            String path = "units[" + i + "]";
            if (unit == null) {
                problems.add(new ApiProblem.FieldProblem(path, "must be a unit, not null"));
                continue;
            }
            if (unit.variantId() == null) {
                problems.add(new ApiProblem.FieldProblem(path + ".variant_id", "is required"));
            }
            notNegative(problems, path + ".length_mm", unit.lengthMm());
            notNegative(problems, path + ".width_mm", unit.widthMm());
            notNegative(problems, path + ".height_mm", unit.heightMm());
            notNegative(problems, path + ".weight_grams", unit.weightGrams());
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid("The units cannot be packed as given", problems);
        }
    }

    private static void notNegative(List<ApiProblem.FieldProblem> problems, String path, int value) {
        if (value < 0) {
            problems.add(new ApiProblem.FieldProblem(path, "must not be negative, not " + value));
        }
    }
}
