package io.wellbase.clients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The client list's totals and facets: counted once per change, capped past a limit, never stale after a write here. */
class ClientListTotalsIntegrationTests extends IntegrationTest {

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    ClientStore store;

    @Autowired
    ClientListCache cache;

    private void client(Owner owner, String first, String status) {
        assertThat(api.post(
                                "/api/v1/clients",
                                Map.of("firstName", first, "lastName", "Total", "status", status),
                                owner.token())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void totalsAndFacetsFollowEveryWriteAtOnce() {
        Owner owner = ownerWithOrganization("Totals");
        client(owner, "Ada", "active");
        client(owner, "Bea", "active");
        client(owner, "Cem", "lead");
        var page = api.get("/api/v1/clients?page_size=2", owner.token()).json().path("pagination");
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("total_pages").asInt()).isEqualTo(2);
        assertThat(page.path("has_next").asBoolean()).isTrue();
        assertThat(page.path("total_exact").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/clients/facets", owner.token())
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(3);

        client(owner, "Dan", "lead");
        page = api.get("/api/v1/clients?page_size=2", owner.token()).json().path("pagination");
        assertThat(page.path("total").asLong())
                .as("a cached count is dropped by the write")
                .isEqualTo(4);
        var facets = api.get("/api/v1/clients/facets", owner.token()).json();
        assertThat(facets.path("total").asLong()).isEqualTo(4);
        assertThat(facets.path("status").toString()).contains("{\"value\":\"lead\",\"count\":2}");

        var last = api.get("/api/v1/clients?page_size=2&page=2", owner.token())
                .json()
                .path("pagination");
        assertThat(last.path("has_next").asBoolean()).isFalse();
    }

    @Test
    void pastTheLimitTheTotalIsALowerBoundAndSaysSo() {
        Owner owner = ownerWithOrganization("Capped totals");
        for (String name : List.of("Eli", "Fay", "Gus", "Hal")) {
            client(owner, name, "active");
        }
        ClientQueries capped = new ClientQueries(named, store, cache, 2);
        ClientFilter all =
                new ClientFilter(owner.orgId(), null, null, null, null, null, null, null, Map.of(), List.of());
        PageResult<ClientView> first = capped.list(all, new PageQuery(1, 3, List.of()));
        assertThat(first.data()).hasSize(3);
        assertThat(first.pagination().total())
                .as("the limit, or the rows seen when more")
                .isEqualTo(3);
        assertThat(first.pagination().totalExact()).isFalse();
        assertThat(first.pagination().hasNext())
                .as("known from the row after the page, not from the total")
                .isTrue();
        PageResult<ClientView> second = capped.list(all, new PageQuery(2, 3, List.of()));
        assertThat(second.data()).hasSize(1);
        assertThat(second.pagination().hasNext()).isFalse();
        assertThat(second.pagination().totalPages()).isGreaterThanOrEqualTo(2);

        ClientQueries exact = new ClientQueries(named, store, cache, 10);
        assertThat(exact.list(all, new PageQuery(1, 3, List.of())).pagination().total())
                .isEqualTo(4);
    }

    @Test
    void aSearchWithQuotesAndWildcardsFindsOnlyThatText() {
        Owner owner = ownerWithOrganization("Quoted search");
        assertThat(api.post("/api/v1/clients", Map.of("firstName", "Siobhan", "lastName", "O'Brien"), owner.token())
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/clients", Map.of("firstName", "Ana", "lastName", "Obrien"), owner.token())
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/clients", Map.of("firstName", "Zoë", "lastName", "50%_off"), owner.token())
                        .status())
                .isEqualTo(201);
        assertThat(names(owner, "o'bri")).containsExactly("O'Brien");
        assertThat(names(owner, "obri")).containsExactly("Obrien");
        assertThat(names(owner, "50%_")).containsExactly("50%_off");
        assertThat(names(owner, "%")).containsExactly("50%_off");
        assertThat(names(owner, "zoe")).as("accents are ignored").containsExactly("50%_off");
        assertThat(names(owner, "x' OR '1'='1")).isEmpty();
    }

    private List<String> names(Owner owner, String q) {
        var response = api.get(
                "/api/v1/clients?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8),
                owner.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("data").findValuesAsString("lastName");
    }
}
