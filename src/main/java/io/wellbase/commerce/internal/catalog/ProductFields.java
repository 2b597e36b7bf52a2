package io.wellbase.commerce.internal.catalog;

import io.wellbase.commerce.internal.Money;
import io.wellbase.files.FilePurpose;
import io.wellbase.files.StoredFiles;
import io.wellbase.platform.web.ApiException.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns a product's request body into a checked {@link ProductStore.Draft}, on top of what the product had: each
 * problem becomes a field error (prefixed for a bulk row), so a request is refused whole with all of them listed.
 */
@Component
class ProductFields {

    static final Pattern SKU = Pattern.compile(io.wellbase.commerce.ProductImports.SKU);

    private final CategoryStore categories;
    private final StoredFiles files;

    ProductFields(CategoryStore categories, StoredFiles files) {
        this.categories = categories;
        this.files = files;
    }

    /** A product's fields in a request; absent fields keep what the product had (or the defaults on create). */
    record Body(
            @Nullable String sku,
            @Nullable String title,
            @Nullable String description,
            Money.@Nullable Body price,
            @Nullable Number taxRate,
            @Nullable Boolean trackStock,
            @Nullable UUID categoryId,
            @Nullable List<String> tags,
            @Nullable Map<String, Object> attributes,
            @Nullable List<UUID> imageFileIds,
            @Nullable Integer lastsDays,
            @Nullable Boolean active) {}

    ProductStore.@Nullable Draft draft(
            UUID org,
            String currency,
            Body b,
            ProductStore.@Nullable Product base,
            String prefix,
            List<FieldError> errors) {
        return draft(
                org,
                currency,
                b,
                base,
                prefix,
                errors,
                id -> categories.find(org, id).isPresent());
    }

    /** As above, with the organization's categories looked up once for many rows (a bulk request). */
    ProductStore.@Nullable Draft draft(
            UUID org,
            String currency,
            Body b,
            ProductStore.@Nullable Product base,
            String prefix,
            List<FieldError> errors,
            java.util.function.Predicate<UUID> categoryExists) {
        int before = errors.size();
        String sku = b.sku() != null ? b.sku().strip() : base == null ? null : base.sku();
        if (sku == null || !SKU.matcher(sku).matches()) {
            errors.add(new FieldError(prefix + "sku", "1 to 64 letters, digits, '.', '_', '-' or '/'"));
        }
        String title = b.title() != null ? b.title().strip() : base == null ? null : base.title();
        if (title == null || title.isEmpty() || title.length() > 200) {
            errors.add(new FieldError(prefix + "title", "1 to 200 characters"));
        }
        String description = b.description() != null ? b.description() : base == null ? null : base.description();
        if (description != null && description.length() > 20_000) {
            errors.add(new FieldError(prefix + "description", "at most 20,000 characters"));
        }
        Long price = b.price() != null
                ? Money.parse(b.price(), currency, prefix + "price", errors)
                : base == null ? null : base.price().amount();
        if (price == null && b.price() == null) {
            errors.add(new FieldError(
                    prefix + "price", "is required, e.g. {\"amount\": 1299} or {\"decimal\": \"12.99\"}"));
        }
        int taxBp = base == null ? 0 : base.taxRateBp();
        if (b.taxRate() != null) {
            BigDecimal rate = new BigDecimal(b.taxRate().toString());
            if (rate.signum() < 0
                    || rate.compareTo(BigDecimal.valueOf(100)) > 0
                    || rate.stripTrailingZeros().scale() > 2) {
                errors.add(new FieldError(prefix + "taxRate", "a percentage from 0 to 100 with at most 2 decimals"));
            } else {
                taxBp = rate.movePointRight(2).intValue();
            }
        }
        UUID category = b.categoryId() != null ? b.categoryId() : base == null ? null : base.categoryId();
        if (b.categoryId() != null && !categoryExists.test(b.categoryId())) {
            errors.add(new FieldError(prefix + "categoryId", "must be a category of this organization"));
        }
        List<String> tags = b.tags() != null ? tags(b.tags(), prefix, errors) : base == null ? List.of() : base.tags();
        Map<String, List<String>> attributes = b.attributes() != null
                ? attributes(b.attributes(), prefix, errors)
                : base == null ? Map.of() : base.attributes();
        List<UUID> images = b.imageFileIds() != null
                ? images(org, b.imageFileIds(), prefix, errors)
                : base == null ? List.of() : base.imageFileIds();
        Integer lasts = b.lastsDays() != null ? b.lastsDays() : base == null ? null : base.lastsDays();
        if (b.lastsDays() != null && (b.lastsDays() < 1 || b.lastsDays() > 3650)) {
            errors.add(new FieldError(prefix + "lastsDays", "how many days one lasts: 1 to 3650"));
        }
        if (errors.size() > before) {
            return null;
        }
        return new ProductStore.Draft(
                sku,
                title,
                description,
                price,
                taxBp,
                b.trackStock() != null ? b.trackStock() : base == null || base.trackStock(),
                category,
                tags,
                attributes,
                images,
                lasts,
                b.active() != null ? b.active() : base == null || base.active());
    }

    private static List<String> tags(List<String> given, String prefix, List<FieldError> errors) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        for (String t : given) {
            String tag = t == null ? "" : t.strip().toLowerCase(Locale.ROOT);
            if (tag.isEmpty() || tag.length() > 50) {
                errors.add(new FieldError(prefix + "tags", "each tag has 1 to 50 characters"));
                return List.of();
            }
            tags.add(tag);
        }
        if (tags.size() > 30) {
            errors.add(new FieldError(prefix + "tags", "at most 30 tags"));
        }
        return List.copyOf(tags);
    }

    /** Attributes: up to 20 keys, each a text or a list of texts ({@code "skinTypes": ["dry", "sensitive"]}). */
    static Map<String, List<String>> attributes(Map<String, Object> given, String prefix, List<FieldError> errors) {
        if (given.size() > 20) {
            errors.add(new FieldError(prefix + "attributes", "at most 20 attributes"));
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (var e : given.entrySet()) {
            String key = e.getKey().strip();
            if (key.isEmpty() || key.length() > 50) {
                errors.add(new FieldError(prefix + "attributes", "names have 1 to 50 characters"));
                continue;
            }
            List<String> values = new ArrayList<>();
            if (e.getValue() instanceof String s) {
                values.add(s.strip());
            } else if (e.getValue() instanceof List<?> list && list.size() <= 50) {
                for (Object v : list) {
                    if (v instanceof String s) {
                        values.add(s.strip());
                    } else {
                        values = null;
                        break;
                    }
                }
            } else {
                values = null;
            }
            if (values == null || values.stream().anyMatch(v -> v.isEmpty() || v.length() > 100)) {
                errors.add(new FieldError(
                        prefix + "attributes." + key,
                        "must be a text or a list of up to 50 texts of 1 to 100 characters"));
                continue;
            }
            out.put(key, List.copyOf(values));
        }
        return out;
    }

    private List<UUID> images(UUID org, List<UUID> ids, String prefix, List<FieldError> errors) {
        if (ids.size() > 10) {
            errors.add(new FieldError(prefix + "imageFileIds", "at most 10 images"));
            return List.of();
        }
        for (UUID id : ids) {
            var file = files.find(org, id);
            if (file.isEmpty() || file.get().purpose() != FilePurpose.PRODUCT_IMAGE) {
                errors.add(new FieldError(
                        prefix + "imageFileIds", id + " is not a product_image upload of this organization"));
            }
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }
}
