package io.stowage.api.slips;

import io.stowage.api.problem.ApiProblem;
import java.util.Arrays;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The paper a packing slip is printed on: A5 by default (half a sheet, folds into any carton), A4 on request. */
enum PaperSize {
    A5(PDRectangle.A5), A4(PDRectangle.A4);

    private final PDRectangle page;

    PaperSize(PDRectangle page) {
        this.page = page;
    }

    PDRectangle page() {
        return page;
    }

    /** The size a request names ({@code a4}, {@code A5}); A5 when it names none; a field problem for anything else. */
    static PaperSize named(String value) {
        if (value == null) {
            return A5;
        }
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("size", "is not one of " + Arrays.stream(values()).map(size -> size.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
