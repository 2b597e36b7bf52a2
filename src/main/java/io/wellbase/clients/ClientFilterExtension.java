package io.wellbase.clients;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Lets a module that holds data about clients (memberships, visits) add filters and facets to the
 * client list without the clients module depending on it. Predicates are SQL over the alias
 * {@code c} (the clients table); parameter names must be unique to the extension.
 */
public interface ClientFilterExtension {

    /** The query parameters this extension reads, e.g. {@code plan}, {@code membershipState}. */
    Set<String> parameters();

    /**
     * A predicate for the given parameter values (only those in {@link #parameters()}, never empty
     * lists), registering its bind values in {@code params}; empty when nothing applies. Bad values
     * answer 400 through {@code ApiException}.
     */
    Optional<String> predicate(Map<String, List<String>> values, MapSqlParameterSource params);

    /**
     * Facets by name: each a SQL template over the alias {@code c}, with {@code %1$s} where the client
     * relation goes (the clients module fills in its table, so no other module names it) and
     * {@code %2$s} for the WHERE clause, answering columns {@code value} and {@code n} (and {@code label}).
     */
    Map<String, String> facets();

    /** The parameter a facet ignores when counting its own alternatives. */
    default String facetParameter(String facet) {
        return facet;
    }
}
