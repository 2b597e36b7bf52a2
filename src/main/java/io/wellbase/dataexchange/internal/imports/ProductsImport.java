package io.wellbase.dataexchange.internal.imports;

import io.wellbase.commerce.ProductImports;
import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A shop's catalogue: a row per product, matched by sku. Prices are read in the organization's currency; a tax rate
 * is a percentage ("19", "19 %", "7.7"), and a fraction such as 0.19 is read as 19 % with a warning; "Inactive",
 * "No", "Discontinued" in the active column deactivate the product.
 */
@Component
class ProductsImport implements KindImport {

    private final ProductImports products;

    ProductsImport(ProductImports products) {
        this.products = products;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.PRODUCTS;
    }

    @Override
    public String stagingColumns() {
        return ProductImports.STAGING_COLUMNS;
    }

    @Override
    public Object[] stage(ImportRow row) throws RowProblem {
        String sku = row.requiredText("sku").strip();
        if (!sku.matches(ProductImports.SKU)) {
            throw row.problem("sku", sku, "is not a sku: 1 to 64 letters, digits, '.', '_', '-' or '/'");
        }
        String title = row.limited("title", 200);
        if (title == null) {
            throw row.problem("title", null, "is empty");
        }
        String description = row.limited("description", 20_000);
        Long price = row.money("price");
        if (price == null) {
            throw row.problem("price", null, "is empty");
        }
        if (price < 0) {
            throw row.problem("price", row.text("price"), "is negative");
        }
        String category = row.limited("category", 100);
        String tagText = row.text("tags");
        String tags = tagText == null
                ? null
                : String.join(
                        ",",
                        Arrays.stream(tagText.split("[,;|]"))
                                .map(t -> t.strip().toLowerCase(Locale.ROOT))
                                .filter(t -> !t.isEmpty() && t.length() <= 50)
                                .distinct()
                                .toList());
        String activeText = row.text("active");
        boolean active = activeText == null
                || !activeText
                        .strip()
                        .toLowerCase(Locale.ROOT)
                        .matches("inactive|no|n|false|0|discontinued|archived|off");
        Integer lasts = row.integer("lastsDays", 1, 3650);
        return new Object[] {
            sku.toLowerCase(Locale.ROOT), sku, title, description, price, tax(row), category, tags, active, lasts
        };
    }

    private static int tax(ImportRow row) throws RowProblem {
        String text = row.text("taxRate");
        if (text == null) {
            return 0;
        }
        String cleaned = text.replace("%", "").replace(',', '.').strip();
        BigDecimal rate;
        try {
            rate = new BigDecimal(cleaned);
        } catch (NumberFormatException e) {
            throw row.problem("taxRate", text, "is not a percentage like 19 or 7.7");
        }
        if (rate.signum() > 0 && rate.compareTo(BigDecimal.ONE) < 0 && !text.contains("%")) {
            row.warn(
                    "taxRate",
                    text,
                    "read as a fraction: "
                            + rate.movePointRight(2).stripTrailingZeros().toPlainString() + " %");
            rate = rate.movePointRight(2);
        }
        if (rate.signum() < 0
                || rate.compareTo(BigDecimal.valueOf(100)) > 0
                || rate.stripTrailingZeros().scale() > 2) {
            throw row.problem("taxRate", text, "is not a percentage from 0 to 100 with at most 2 decimals");
        }
        return rate.movePointRight(2).intValueExact();
    }

    @Override
    public MergeResult merge(ImportStage sql) {
        sql.rejectDuplicates("ext_id", "sku");
        return products.merge(sql);
    }
}
