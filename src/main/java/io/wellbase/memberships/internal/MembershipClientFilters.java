package io.wellbase.memberships.internal;

import io.wellbase.clients.ClientFilterExtension;
import io.wellbase.platform.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Client list filters and facets by membership: {@code plan} (clients holding a current membership
 * of one of the plans) and {@code membershipState} (clients with a membership in that state, or
 * {@code none} for clients who never had one), and {@code openBalance} (clients with renewal charges due).
 */
@Component
class MembershipClientFilters implements ClientFilterExtension {

    private static final Set<String> STATES = Set.of("active", "frozen", "pending", "expired", "cancelled", "none");

    @Override
    public Set<String> parameters() {
        return Set.of("plan", "membershipState", "openBalance");
    }

    @Override
    public Optional<String> predicate(Map<String, List<String>> values, MapSqlParameterSource params) {
        List<String> predicates = new ArrayList<>();
        List<String> plans = values.get("plan");
        if (plans != null) {
            List<UUID> ids = plans.stream().map(MembershipClientFilters::uuid).toList();
            params.addValue("mfPlans", ids);
            predicates.add("""
                    EXISTS (SELECT 1 FROM client_memberships fm WHERE fm.org_id = c.org_id AND fm.client_id = c.id
                            AND fm.plan_id IN (:mfPlans) AND fm.status IN ('active', 'frozen', 'pending'))""");
        }
        List<String> states = values.get("membershipState");
        if (states != null) {
            for (String state : states) {
                if (!STATES.contains(state)) {
                    throw ApiException.invalidField(
                            "membershipState",
                            "must be one of "
                                    + String.join(", ", STATES.stream().sorted().toList()));
                }
            }
            List<String> real = states.stream().filter(s -> !s.equals("none")).toList();
            List<String> alternatives = new ArrayList<>();
            if (!real.isEmpty()) {
                params.addValue("mfStates", real);
                alternatives.add("""
                        EXISTS (SELECT 1 FROM client_memberships fs WHERE fs.org_id = c.org_id AND fs.client_id = c.id
                                AND fs.status IN (:mfStates))""");
            }
            if (states.contains("none")) {
                alternatives.add(
                        "NOT EXISTS (SELECT 1 FROM client_memberships fn WHERE fn.org_id = c.org_id AND fn.client_id = c.id)");
            }
            predicates.add("(" + String.join(" OR ", alternatives) + ")");
        }
        List<String> openBalance = values.get("openBalance");
        if (openBalance != null) {
            String value = openBalance.getFirst();
            if (!value.equals("true") && !value.equals("false")) {
                throw ApiException.invalidField("openBalance", "must be true or false");
            }
            predicates.add((value.equals("true") ? "" : "NOT ") + """
                    EXISTS (SELECT 1 FROM client_memberships bm JOIN membership_charges bc
                            ON bc.org_id = bm.org_id AND bc.membership_id = bm.id AND bc.status = 'due'
                            WHERE bm.org_id = c.org_id AND bm.client_id = c.id)""");
        }
        return predicates.isEmpty() ? Optional.empty() : Optional.of(String.join(" AND ", predicates));
    }

    @Override
    public Map<String, String> facets() {
        return Map.of("plan", """
                SELECT p.id::text AS value, count(DISTINCT c.id) AS n, p.name AS label FROM %1$s
                JOIN client_memberships m ON m.org_id = c.org_id AND m.client_id = c.id AND m.status IN ('active', 'frozen', 'pending')
                JOIN membership_plans p ON p.org_id = m.org_id AND p.id = m.plan_id%2$s
                GROUP BY p.id, p.name ORDER BY 2 DESC, 3 LIMIT 100""");
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("plan", "must be plan ids");
        }
    }
}
