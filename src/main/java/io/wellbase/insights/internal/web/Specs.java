package io.wellbase.insights.internal.web;

import io.wellbase.insights.internal.semantic.CheckedSpec;
import io.wellbase.insights.internal.semantic.QueryResult;
import io.wellbase.insights.internal.semantic.QuerySpec;
import io.wellbase.insights.internal.semantic.SemanticQueries;
import io.wellbase.insights.internal.semantic.SpecCheck;
import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The one way a controller turns a caller's spec into an answer: the organization's scope, the check with the
 * caller's rights, the run, and each outcome as the problem a client can act on.
 */
@Component
public class Specs {

    private final OrganizationProfiles organizations;
    private final SemanticQueries queries;
    private final Clock clock;

    Specs(OrganizationProfiles organizations, SemanticQueries queries, Clock clock) {
        this.organizations = organizations;
        this.queries = queries;
        this.clock = clock;
    }

    /** The caller's organization as figures see it: its zone, currency and today. */
    public SemanticQueries.Scope scope(Caller caller) {
        OrganizationProfiles.Profile profile = organizations
                .find(caller.requireOrganization())
                .orElseThrow(() -> ApiException.notFound("Organization"));
        return new SemanticQueries.Scope(
                profile.id(), profile.zone(), profile.currency(), LocalDate.now(clock.withZone(profile.zone())));
    }

    /** The spec checked for the caller; 400 with every problem, or 403 for a metric the role may not see. */
    public CheckedSpec check(Caller caller, SemanticQueries.Scope scope, QuerySpec spec) {
        return switch (SpecCheck.check(spec, m -> caller.can(m.permission()), scope.today())) {
            case SpecCheck.Valid valid -> valid.spec();
            case SpecCheck.Invalid invalid ->
                throw new ApiException(
                        HttpStatus.BAD_REQUEST,
                        "validation_failed",
                        invalid.problems().size() + " part(s) of the query are invalid",
                        invalid.problems().stream()
                                .map(p -> new ApiException.FieldError(p.field(), p.reason()))
                                .toList());
            case SpecCheck.Forbidden forbidden ->
                throw ApiException.forbidden(
                        "auth.forbidden",
                        "Your role "
                                + (caller.role() == null
                                        ? "(none)"
                                        : caller.role().value()) + " may not see "
                                + forbidden.metric().key() + " (money figures need revenue reading)");
        };
    }

    /** Runs a checked spec; 422 when it is too broad or too slow to answer. */
    public QueryResult run(SemanticQueries.Scope scope, CheckedSpec spec) {
        return switch (queries.run(scope, spec)) {
            case SemanticQueries.Answered answered -> answered.result();
            case SemanticQueries.TooManyGroups too ->
                throw ApiException.unprocessable(
                        "insights.query_too_broad",
                        "The query has more than " + too.cap()
                                + " groups: narrow the time range, the dimensions or the filters");
            case SemanticQueries.TooSlow slow ->
                throw ApiException.unprocessable(
                        "insights.query_too_slow",
                        "The query took longer than " + slow.limit().toSeconds()
                                + " s: narrow the time range, the dimensions or the filters");
        };
    }

    public QueryResult answer(Caller caller, QuerySpec spec) {
        SemanticQueries.Scope scope = scope(caller);
        return run(scope, check(caller, scope, spec));
    }

    static List<String> csv(String value) {
        return value == null || value.isBlank()
                ? List.of()
                : java.util.Arrays.stream(value.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }
}
