package io.wellbase.care.internal.skin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Points from what the measures show to the organization's own services (scheduling's published view), skin
 * programs and products (commerce's published view), by rules: high redness to soothing and calming ones, low evenness to brightening and peels, shine to
 * clarifying ones, low brightness to hydrating and radiance ones. It recommends what the organization offers; it never
 * names a condition.
 */
@Component
class SkinRecommendations {

    static final double HIGH_REDNESS = 45;
    static final double LOW_EVENNESS = 80;
    static final double HIGH_SHINE = 5;
    static final double LOW_BRIGHTNESS_CHANGE = -5;

    private static final Map<String, List<String>> WORDS = Map.of(
            "redness", List.of("sooth", "calm", "sensitive", "redness", "gentle", "hydrat"),
            "evenness", List.of("bright", "peel", "even", "glow", "vitamin c", "tone"),
            "shine", List.of("clarif", "oil", "matt", "deep clean", "purif"),
            "brightness", List.of("hydrat", "radian", "glow", "moist"));

    private final JdbcClient jdbc;

    SkinRecommendations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Recommendation(String because, String kind, UUID id, String name) {}

    List<Recommendation> of(
            UUID org, SkinAnalyzer.Measures m, SkinAnalyzer.@org.jspecify.annotations.Nullable Measures previous) {
        Map<String, String> reasons = new LinkedHashMap<>();
        if (m.redness() >= HIGH_REDNESS) {
            reasons.put("redness", "the photo shows more redness (" + m.redness() + " of 100)");
        }
        if (m.evenness() < LOW_EVENNESS) {
            reasons.put("evenness", "the tone in the photo is less even (" + m.evenness() + " of 100)");
        }
        if (m.shine() >= HIGH_SHINE) {
            reasons.put("shine", "the photo shows shine (" + m.shine() + " of 100)");
        }
        if (previous != null && m.brightness() - previous.brightness() <= LOW_BRIGHTNESS_CHANGE) {
            reasons.put("brightness", "the skin looks less bright than last time");
        }
        List<Recommendation> out = new ArrayList<>();
        if (reasons.isEmpty()) {
            return out;
        }
        record Offer(String kind, UUID id, String name, String text) {}
        List<Offer> offers = new ArrayList<>();
        jdbc.sql("SELECT id, name FROM report_services WHERE org_id = :org AND archived_at IS NULL")
                .param("org", org)
                .query((rs, n) -> new Offer("service", rs.getObject(1, UUID.class), rs.getString(2), rs.getString(2)))
                .list()
                .forEach(offers::add);
        jdbc.sql("SELECT id, title, coalesce(description, '') FROM programs WHERE org_id = :org AND active")
                .param("org", org)
                .query((rs, n) -> new Offer(
                        "program",
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(2) + " " + rs.getString(3)))
                .list()
                .forEach(offers::add);
        jdbc.sql("""
                SELECT id, title, coalesce(description, '') || ' ' || array_to_string(tags, ' ') FROM report_products
                WHERE org_id = :org AND active AND deleted_at IS NULL ORDER BY title LIMIT 500
                """)
                .param("org", org)
                .query((rs, n) -> new Offer(
                        "product",
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(2) + " " + rs.getString(3)))
                .list()
                .forEach(offers::add);
        reasons.forEach((measure, because) -> offers.stream()
                .filter(o -> WORDS.get(measure).stream()
                        .anyMatch(
                                w -> o.text().toLowerCase(java.util.Locale.ROOT).contains(w)))
                .limit(3)
                .forEach(o -> out.add(new Recommendation(because, o.kind(), o.id(), o.name()))));
        return out;
    }
}
