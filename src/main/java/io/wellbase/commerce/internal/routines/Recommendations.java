package io.wellbase.commerce.internal.routines;

import io.wellbase.clients.ClientDirectory;
import io.wellbase.commerce.CommerceProperties;
import io.wellbase.commerce.internal.catalog.ProductStore;
import io.wellbase.platform.data.Rows;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What to suggest to a client, each with its reason and a confidence:
 * <ul>
 * <li><b>replenish</b>: a product with a known life ({@code lastsDays}) bought so long ago that it is about to run
 * out; confidence grows from 0.5 as the days pass, to 1 when it should be gone;</li>
 * <li><b>bought_together</b>: item-to-item co-occurrence, "clients who bought X also bought Y": among the other
 * clients who bought one of the client's products X, the share who also bought Y (support(X, Y) / support(X)),
 * shown only when at least {@code minimumSupport} clients bought both;</li>
 * <li><b>treatment</b>: a product one of the services of the client's active treatment plans uses (0.7);</li>
 * <li><b>profile</b>: a product whose attributes match the client's profile, e.g. {@code skinTypes: [dry]} and the
 * client's custom field {@code skin_type: dry} (0.6, and 0.1 more per further matching attribute, at most 0.8).</li>
 * </ul>
 * A product appears once, with its strongest reason; products the client bought are only suggested to replenish.
 * Paid, handed-over and partly refunded orders count as bought; cancelled, unpaid and fully refunded ones do not.
 */
@Service
class Recommendations {

    static final int LIMIT = 20;

    private final JdbcClient jdbc;
    private final ProductStore products;
    private final ClientDirectory clients;
    private final RecommendationCache cache;
    private final CommerceProperties properties;
    private final Clock clock;

    Recommendations(
            JdbcClient jdbc,
            ProductStore products,
            ClientDirectory clients,
            RecommendationCache cache,
            CommerceProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.products = products;
        this.clients = clients;
        this.cache = cache;
        this.properties = properties;
        this.clock = clock;
    }

    List<Recommendation> of(UUID org, UUID client) {
        return cache.get(org, client).orElseGet(() -> {
            List<Recommendation> fresh = compute(org, client);
            cache.put(org, client, fresh);
            return fresh;
        });
    }

    private record Candidate(UUID product, String reason, String because, double confidence) {}

    private record Bought(UUID productId, LocalDate lastOn) {}

    @Transactional(readOnly = true)
    List<Recommendation> compute(UUID org, UUID client) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<Bought> bought = jdbc.sql("""
                SELECT i.product_id, max(coalesce(o.paid_at, o.created_at))::date AS last_on
                FROM orders o JOIN order_items i ON i.org_id = o.org_id AND i.order_id = o.id
                WHERE o.org_id = :org AND i.org_id = :org AND o.client_id = :client
                  AND o.status IN ('paid', 'fulfilled') AND i.refunded_quantity < i.quantity
                GROUP BY i.product_id
                """)
                .param("org", org)
                .param("client", client)
                .query(Rows.of(Bought.class))
                .list();
        Set<UUID> mine = new HashSet<>();
        bought.forEach(b -> mine.add(b.productId()));
        Map<UUID, ProductStore.Product> known = new LinkedHashMap<>(products.findAll(org, mine));
        List<Candidate> candidates = new ArrayList<>();
        int early = properties.recommendations().replenishEarly();
        for (Bought b : bought) {
            ProductStore.Product p = known.get(b.productId());
            if (p == null || p.lastsDays() == null) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(b.lastOn(), today);
            if (days >= p.lastsDays() - early) {
                double confidence = Math.min(1.0, 0.5 + 0.5 * days / p.lastsDays());
                candidates.add(new Candidate(
                        p.id(),
                        "replenish",
                        "You bought this " + days + " days ago; it lasts about " + p.lastsDays(),
                        round(confidence)));
            }
        }
        candidates.addAll(boughtTogether(org, client, mine));
        jdbc
                .sql("""
                        SELECT DISTINCT ON (sp.product_id) sp.product_id, t.plan_name
                        FROM report_treatment_services t
                        JOIN service_products sp ON sp.org_id = t.org_id AND sp.service_id = t.service_id
                        WHERE t.org_id = :org AND sp.org_id = :org AND t.client_id = :client
                          AND t.plan_status = 'active' AND t.milestone_status = 'pending'
                        ORDER BY sp.product_id, t.starts_on, t.position
                        """)
                .param("org", org)
                .param("client", client)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list()
                .stream()
                .filter(e -> !mine.contains(e.getKey()))
                .forEach(e -> candidates.add(new Candidate(
                        e.getKey(), "treatment", "Used in your treatment plan \"" + e.getValue() + "\"", 0.7)));
        candidates.addAll(profileMatches(org, client, mine));
        Map<UUID, Candidate> best = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            best.merge(c.product(), c, (a, b) -> b.confidence() > a.confidence() ? b : a);
        }
        Map<UUID, ProductStore.Product> shown = products.findAll(org, best.keySet());
        return best.values().stream()
                .filter(c ->
                        shown.containsKey(c.product()) && shown.get(c.product()).active())
                .sorted(Comparator.comparingDouble(Candidate::confidence)
                        .reversed()
                        .thenComparing(c -> shown.get(c.product()).title()))
                .limit(LIMIT)
                .map(c -> {
                    ProductStore.Product p = shown.get(c.product());
                    return new Recommendation(
                            p.id(), p.sku(), p.title(), p.price(), c.reason(), c.because(), c.confidence());
                })
                .toList();
    }

    private record Pair(UUID suggested, UUID because, String becauseTitle, long support, long base) {}

    private List<Candidate> boughtTogether(UUID org, UUID client, Set<UUID> mine) {
        if (mine.isEmpty()) {
            return List.of();
        }
        List<Pair> pairs = jdbc.sql("""
                WITH buyers AS (
                    SELECT DISTINCT o.client_id, i.product_id
                    FROM orders o JOIN order_items i ON i.org_id = o.org_id AND i.order_id = o.id
                    WHERE o.org_id = :org AND i.org_id = :org AND o.client_id <> :client
                      AND o.status IN ('paid', 'fulfilled') AND i.refunded_quantity < i.quantity),
                base AS (
                    SELECT product_id, count(*) AS clients FROM buyers WHERE product_id = ANY(:mine) GROUP BY product_id)
                SELECT y.product_id AS suggested, x.product_id AS because, p.title AS because_title,
                       count(*) AS support, max(base.clients) AS base
                FROM buyers x
                JOIN buyers y ON y.client_id = x.client_id AND y.product_id <> x.product_id
                JOIN base ON base.product_id = x.product_id
                JOIN products p ON p.org_id = :org AND p.id = x.product_id
                WHERE x.product_id = ANY(:mine) AND NOT (y.product_id = ANY(:mine))
                GROUP BY y.product_id, x.product_id, p.title
                HAVING count(*) >= :min
                """)
                .param("org", org)
                .param("client", client)
                .param("mine", mine.toArray(UUID[]::new))
                .param("min", properties.recommendations().minimumSupport())
                .query(Rows.of(Pair.class))
                .list();
        return pairs.stream()
                .map(p -> new Candidate(
                        p.suggested(),
                        "bought_together",
                        p.support() + " of " + p.base() + " clients who bought " + p.becauseTitle()
                                + " also bought this",
                        round(p.support() / (double) p.base())))
                .toList();
    }

    private List<Candidate> profileMatches(UUID org, UUID client, Set<UUID> mine) {
        Map<String, Set<String>> profile = new LinkedHashMap<>();
        clients.profileAttributes(org, client).forEach((k, values) -> {
            Set<String> normalized = new HashSet<>();
            values.forEach(v -> normalized.add(v.strip().toLowerCase(Locale.ROOT)));
            profile.put(key(k), normalized);
        });
        if (profile.isEmpty()) {
            return List.of();
        }
        List<Candidate> out = new ArrayList<>();
        List<ProductStore.Product> withAttributes = products.withAttributes(org, 5000).stream()
                .filter(p -> !mine.contains(p.id()))
                .toList();
        for (ProductStore.Product p : withAttributes) {
            List<String> matched = new ArrayList<>();
            p.attributes().forEach((name, values) -> {
                Set<String> client_ = matchingProfile(profile, key(name));
                if (client_ == null) {
                    return;
                }
                values.stream()
                        .map(v -> v.toLowerCase(Locale.ROOT))
                        .filter(client_::contains)
                        .findFirst()
                        .ifPresent(v -> matched.add(name + " " + v));
            });
            if (!matched.isEmpty()) {
                out.add(new Candidate(
                        p.id(),
                        "profile",
                        "Matches your profile: " + String.join(", ", matched),
                        round(Math.min(0.8, 0.6 + 0.1 * (matched.size() - 1)))));
            }
        }
        return out;
    }

    /** The client's values for a product attribute: the same key, or its singular ("skinTypes" for "skin_type"). */
    private static Set<String> matchingProfile(Map<String, Set<String>> profile, String key) {
        Set<String> values = profile.get(key);
        if (values == null && key.endsWith("s")) {
            values = profile.get(key.substring(0, key.length() - 1));
        }
        return values;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
