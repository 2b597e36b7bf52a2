package io.wellbase.commerce;

import io.wellbase.platform.imports.ImportStage;
import io.wellbase.platform.imports.MergeResult;

/** How an imported catalogue becomes products: matched by sku, categories found by name or created. */
public interface ProductImports {

    /** What a sku may be, here and in the API: 1 to 64 letters, digits, '.', '_', '-' or '/', not starting with a sign. */
    String SKU = "[A-Za-z0-9][A-Za-z0-9._/-]{0,63}";

    /** The staged columns of a product import, after {@code ext_id} (the lower-cased sku); tags comma-separated. */
    String STAGING_COLUMNS = "sku text, title text, description text, price bigint, tax_bp int, category text,"
            + " tags text, active boolean, lasts_days int";

    /**
     * Merges staged products: a live product with the row's sku (without case) takes the row's fields, a new sku
     * becomes a product in the organization's currency; a category name no category has (at the top level)
     * becomes one.
     */
    MergeResult merge(ImportStage stage);
}
