package io.wellbase.commerce.internal.catalog;

import io.wellbase.commerce.internal.stock.MovementKind;
import io.wellbase.commerce.internal.stock.StockLevels;
import io.wellbase.platform.data.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The demo studio's catalogue and opening stock (see DemoCatalogue). */
@Component
public class DemoProducts {

    private final ProductStore products;
    private final CategoryStore categories;
    private final StockLevels stock;

    DemoProducts(ProductStore products, CategoryStore categories, StockLevels stock) {
        this.products = products;
        this.categories = categories;
        this.stock = stock;
    }

    private record Item(
            String category,
            String sku,
            String title,
            String description,
            long price,
            int taxBp,
            int stock,
            @Nullable Integer lastsDays,
            List<String> tags,
            Map<String, List<String>> attributes) {}

    private static final List<Item> ITEMS = List.of(
            new Item(
                    "Equipment",
                    "MAT-CORK",
                    "Cork yoga mat",
                    "Natural cork, 4 mm, non-slip when wet",
                    6900,
                    1900,
                    12,
                    null,
                    List.of("eco", "bestseller"),
                    Map.of()),
            new Item(
                    "Equipment",
                    "BLOCK-2",
                    "Yoga blocks (pair)",
                    "Recycled foam, 23 × 15 × 10 cm",
                    2400,
                    1900,
                    20,
                    null,
                    List.of("eco"),
                    Map.of()),
            new Item(
                    "Equipment",
                    "STRAP",
                    "Cotton strap",
                    "2.5 m, metal buckle",
                    1200,
                    1900,
                    25,
                    null,
                    List.of(),
                    Map.of()),
            new Item(
                    "Equipment",
                    "BOTTLE",
                    "Steel water bottle",
                    "750 ml, keeps cold for 24 hours",
                    2900,
                    1900,
                    4,
                    null,
                    List.of("bestseller"),
                    Map.of()),
            new Item(
                    "Skin care",
                    "SERUM-C",
                    "Vitamin C serum",
                    "Brightening serum for an even, radiant tone",
                    3900,
                    1900,
                    15,
                    60,
                    List.of("vegan"),
                    Map.of("skinTypes", List.of("normal", "dry"))),
            new Item(
                    "Skin care",
                    "GEL-CALM",
                    "Calming gel",
                    "Soothing aloe gel for sensitive, reddened skin",
                    2500,
                    1900,
                    10,
                    45,
                    List.of("vegan", "sensitive"),
                    Map.of("skinTypes", List.of("sensitive"))),
            new Item(
                    "Skin care",
                    "CLEANSE",
                    "Gentle cleanser",
                    "pH-balanced daily cleanser",
                    1800,
                    1900,
                    18,
                    60,
                    List.of(),
                    Map.of("skinTypes", List.of("normal", "dry", "oily", "sensitive"))),
            new Item(
                    "Skin care",
                    "SPF50",
                    "Daily SPF 50",
                    "Light mineral sunscreen",
                    2200,
                    1900,
                    14,
                    45,
                    List.of(),
                    Map.of("skinTypes", List.of("normal", "oily"))),
            new Item(
                    "Wellbeing",
                    "TEA-CALM",
                    "Evening herbal tea",
                    "Chamomile and lemon balm, 20 bags",
                    900,
                    700,
                    30,
                    20,
                    List.of("organic"),
                    Map.of()),
            new Item(
                    "Wellbeing",
                    "VOUCHER-50",
                    "Gift voucher 50 €",
                    "Redeemable for classes and treatments",
                    5000,
                    0,
                    0,
                    null,
                    List.of("gift"),
                    Map.of()));

    /** Creates the catalogue and its stock; answers the product ids in catalogue order. */
    public List<UUID> make(UUID org, String currency, UUID location, UUID owner) {
        Map<String, UUID> byName = new java.util.LinkedHashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (Item item : ITEMS) {
            UUID category = byName.computeIfAbsent(item.category(), name -> {
                UUID id = Ids.newId();
                categories.insert(org, new CategoryStore.Category(id, null, name, byName.size()));
                return id;
            });
            UUID id = Ids.newId();
            boolean tracked = !item.sku().startsWith("VOUCHER");
            products.insert(
                    org,
                    id,
                    currency,
                    new ProductStore.Draft(
                            item.sku(),
                            item.title(),
                            item.description(),
                            item.price(),
                            item.taxBp(),
                            tracked,
                            category,
                            item.tags(),
                            item.attributes(),
                            List.of(),
                            item.lastsDays(),
                            true));
            if (tracked) {
                stock.move(
                        org,
                        new StockLevels.Movement(
                                id, location, MovementKind.RECEIVE, item.stock(), "opening stock", null, null, owner));
                stock.threshold(org, id, location, 5);
            }
            ids.add(id);
        }
        return ids;
    }
}
