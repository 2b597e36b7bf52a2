package io.wellbase.search.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.Role;
import io.wellbase.platform.web.ApiException;
import io.wellbase.search.SearchType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search}: everything of the organization the caller may see, ranked, with the matched words
 * located in a snippet. Staff find what their permissions show; a client finds what the whole organization may see
 * (classes, sessions, products, programs) and their own conversations and messages.
 */
@RestController
@Tag(name = "Search")
class SearchController {

    /**
     * The types whose documents marked for everyone a client of the organization finds (their own conversations and
     * messages they find as participants, like anyone).
     */
    private static final Set<SearchType> CLIENT_TYPES =
            EnumSet.of(SearchType.CLASS_TYPE, SearchType.SESSION, SearchType.PRODUCT, SearchType.PROGRAM);

    private final SearchQueries queries;

    SearchController(SearchQueries queries) {
        this.queries = queries;
    }

    record Result(
            String type,
            UUID id,
            String title,
            @Nullable String subtitle,
            Highlights.Snippet snippet,
            String link,
            boolean corrected,
            double score) {}

    record Results(String q, List<Result> data) {}

    @GetMapping("/api/v1/search")
    @Operation(summary = "Search the organization: ranked results of every type the caller may see")
    Results search(
            CurrentOrganization org,
            @RequestParam String q,
            @RequestParam(required = false) @Nullable List<String> types,
            @RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit) {
        Caller caller = Caller.current();
        String query = q.strip();
        if (query.isEmpty() || query.length() > 100 || query.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw ApiException.invalidField("q", "must have 1 to 100 characters, with a letter or a digit");
        }
        Set<SearchType> requested = requestedTypes(types);
        SearchQueries.Found found = queries.search(org.id(), query, audience(caller, requested), limit);
        List<Result> data = new ArrayList<>();
        for (SearchQueries.Hit h : found.hits()) {
            data.add(new Result(
                    h.type().value(),
                    h.id(),
                    h.title(),
                    h.subtitle(),
                    Highlights.snippet(found.terms(), h.title(), h.subtitle(), h.body()),
                    h.link(),
                    h.corrected(),
                    Math.round(h.score() * 1000) / 1000.0));
        }
        return new Results(query, data);
    }

    private static Set<SearchType> requestedTypes(@Nullable List<String> types) {
        if (types == null || types.isEmpty()) {
            return EnumSet.allOf(SearchType.class);
        }
        Set<SearchType> out = EnumSet.noneOf(SearchType.class);
        for (String list : types) {
            for (String value : list.split(",")) {
                if (value.isBlank()) {
                    continue;
                }
                out.add(SearchType.parse(value)
                        .orElseThrow(() -> ApiException.invalidField(
                                "types", "'" + value.strip() + "' is not one of " + allTypes())));
            }
        }
        return out.isEmpty() ? EnumSet.allOf(SearchType.class) : out;
    }

    private static String allTypes() {
        return String.join(
                ", ",
                EnumSet.allOf(SearchType.class).stream().map(SearchType::value).toList());
    }

    private static SearchQueries.Audience audience(Caller caller, Set<SearchType> requested) {
        List<SearchType> staff = new ArrayList<>();
        List<SearchType> everyone = new ArrayList<>();
        boolean client = caller.role() == Role.CLIENT;
        for (SearchType type : requested) {
            Permission permission = type.staffPermission();
            if (permission == null) {
                continue;
            }
            if (!client && caller.can(permission)) {
                staff.add(type);
            } else if (CLIENT_TYPES.contains(type) || !client) {
                everyone.add(type);
            }
        }
        List<SearchType> participantTypes =
                requested.stream().filter(t -> t.staffPermission() == null).toList();
        return new SearchQueries.Audience(caller.userId(), staff, everyone, participantTypes);
    }
}
