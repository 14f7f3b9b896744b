package io.stowage.api.catalog;

import io.stowage.api.catalog.CatalogDraft.FieldPaths;
import io.stowage.api.catalog.CatalogDraft.ProductDraft;
import io.stowage.api.catalog.CatalogDraft.VariantDraft;
import io.stowage.api.problem.ApiProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV form of a bulk import: a header row, then one row per variant. Rows that share a
 * {@code product_code} form one product. Lists ({@code gtins}, {@code alternatives}) are separated
 * by {@code |}; a column {@code attr.<name>} gives attribute {@code <name>}. Problems name the data
 * row from 0, as {@code rows[345].gtins}.
 */
final class CatalogCsv {

    static final String ATTRIBUTE_PREFIX = "attr.";
    private static final List<String> COLUMNS = List.of("product_code", "product_name", "product_description", "sku",
            "variant_name", "gtins", "weight_g", "length_mm", "width_mm", "height_mm", "lot_tracked", "expiry_tracked",
            "low_stock_threshold", "alternatives", "fragile", "ships_separately", "image_url");
    private static final List<String> REQUIRED = List.of("product_code", "sku");

    private CatalogCsv() {
    }

    /** Turns CSV text into a draft; values that are not numbers or booleans are added to {@code errors}. */
    static CatalogDraft parse(String text, FieldErrors errors) {
        List<List<String>> records;
        try {
            records = CsvReader.read(text);
        } catch (CsvReader.MalformedCsvException e) {
            throw ApiProblem.invalid("body", "is not valid CSV (RFC 4180): " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw ApiProblem.invalid("header", "is missing: the first line names the columns, such as " + String.join(",", COLUMNS));
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        checkHeader(header);

        Map<String, ProductRows> products = new LinkedHashMap<>();
        for (int r = 1; r < records.size(); r++) {
            int row = r - 1;
            List<String> values = records.get(r);
            if (values.size() != header.size()) {
                errors.add("rows[" + row + "]", "has " + values.size() + " fields but the header has " + header.size());
                continue;
            }
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                cells.put(header.get(c), values.get(c).trim());
            }
            String productCode = cells.get("product_code");
            if (productCode.isEmpty()) {
                errors.add("rows[" + row + "].product_code", "is required");
                continue;
            }
            ProductRows product = products.computeIfAbsent(productCode, code -> new ProductRows(row));
            product.name = merge(row, "product_name", product.name, blankToNull(cells.get("product_name")), errors);
            product.description = merge(row, "product_description", product.description,
                    blankToNull(cells.get("product_description")), errors);
            product.variants.add(new VariantDraft(variant(row, cells, header, errors), rowPaths(row)));
        }

        List<ProductDraft> drafts = new ArrayList<>();
        products.forEach((code, rows) -> drafts.add(new ProductDraft(code, rows.name, rows.description, rows.variants,
                new FieldPaths("rows[" + rows.firstRow + "]", field -> switch (field) {
                    case "name" -> "product_name";
                    case "description" -> "product_description";
                    default -> field;
                }))));
        return new CatalogDraft(drafts);
    }

    private static void checkHeader(List<String> header) {
        FieldErrors problems = new FieldErrors();
        for (int c = 0; c < header.size(); c++) {
            String column = header.get(c);
            boolean attribute = column.startsWith(ATTRIBUTE_PREFIX) && column.length() > ATTRIBUTE_PREFIX.length();
            if (!attribute && !COLUMNS.contains(column)) {
                problems.add("header[" + c + "]", "'" + column + "' is not a column of a catalog import; known are "
                        + String.join(", ", COLUMNS) + " and attr.<name>");
            } else if (header.indexOf(column) != c) {
                problems.add("header[" + c + "]", "'" + column + "' appears twice");
            }
        }
        for (String required : REQUIRED) {
            if (!header.contains(required)) {
                problems.add("header", "needs the column " + required);
            }
        }
        problems.throwIfAny();
    }

    private static VariantInput variant(int row, Map<String, String> cells, List<String> header, FieldErrors errors) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String column : header) {
            if (column.startsWith(ATTRIBUTE_PREFIX) && !cells.get(column).isEmpty()) {
                attributes.put(column.substring(ATTRIBUTE_PREFIX.length()), cells.get(column));
            }
        }
        return new VariantInput(
                cells.get("sku"),
                blankToNull(cells.get("variant_name")),
                attributes,
                list(cells.get("gtins")),
                integer(row, "weight_g", cells, errors),
                integer(row, "length_mm", cells, errors),
                integer(row, "width_mm", cells, errors),
                integer(row, "height_mm", cells, errors),
                bool(row, "lot_tracked", cells, errors),
                bool(row, "expiry_tracked", cells, errors),
                integer(row, "low_stock_threshold", cells, errors),
                list(cells.get("alternatives")),
                bool(row, "fragile", cells, errors),
                bool(row, "ships_separately", cells, errors),
                blankToNull(cells.get("image_url")));
    }

    private static FieldPaths rowPaths(int row) {
        return new FieldPaths("rows[" + row + "]", field -> {
            if (field.equals("name")) {
                return "variant_name";
            }
            if (field.startsWith("attributes.")) {
                return ATTRIBUTE_PREFIX + field.substring("attributes.".length());
            }
            int index = field.indexOf('[');
            return index < 0 ? field : field.substring(0, index);
        });
    }

    private static Integer integer(int row, String column, Map<String, String> cells, FieldErrors errors) {
        String value = cells.get(column);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            errors.add("rows[" + row + "]." + column, "'" + value + "' is not a whole number");
            return null;
        }
    }

    private static Boolean bool(int row, String column, Map<String, String> cells, FieldErrors errors) {
        String value = cells.get(column);
        if (value == null || value.isEmpty()) {
            return null;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> {
                return true;
            }
            case "false", "no", "0" -> {
                return false;
            }
            default -> {
                errors.add("rows[" + row + "]." + column, "'" + value + "' is not true or false");
                return null;
            }
        }
    }

    private static List<String> list(String value) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(value.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A product's value may be given on any of its rows, or repeated on each, but not contradicted. */
    private static String merge(int row, String column, String known, String given, FieldErrors errors) {
        if (known != null && given != null && !known.equals(given)) {
            errors.add("rows[" + row + "]." + column, "'" + given + "' differs from '" + known
                    + "' given on an earlier row of the same product_code");
        }
        return known == null ? given : known;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The rows of one product so far. */
    private static final class ProductRows {
        final int firstRow;
        final List<VariantDraft> variants = new ArrayList<>();
        String name;
        String description;

        ProductRows(int firstRow) {
            this.firstRow = firstRow;
        }
    }
}
