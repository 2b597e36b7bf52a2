package io.wellbase.organizations;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Organization B's owner tries every API endpoint with every id organization A's responses ever
 * showed. Endpoints are discovered from the handler mapping, so new ones join automatically.
 */
class TenantIsolationIntegrationTests extends OrganizationTest {

    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMapping;

    /** One API operation: an HTTP method, its path pattern and the handler behind it. */
    record Endpoint(String method, String pattern, List<String> variables, HandlerMethod handler) {
    }

    private final Set<String> idsOfA = new LinkedHashSet<>();
    private final Set<String> secretsOfA = new LinkedHashSet<>();

    private Api.Response seenByA(Api.Response r) {
        Matcher m = UUID_PATTERN.matcher(r.text().toLowerCase(Locale.ROOT));
        while (m.find()) {
            idsOfA.add(m.group());
        }
        return r;
    }

    @Test
    void organizationBCannotReachAnythingOfOrganizationA() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Owner a = ownerWithOrganization("Alpha-" + tag);
        UUID location = createLocation(a.token(), "Alpha-place-" + tag,
                List.of(room("Alpha-room1-" + tag, 10), room("Alpha-room2-" + tag, 4)));
        Member member = memberWithRole(a, "staff");
        String invitee = uniqueEmail("alpha-invitee");
        invite(a.token(), invitee, "manager");
        secretsOfA.addAll(List.of("Alpha-" + tag, "Alpha-place-" + tag, "Alpha-room1-" + tag, "Alpha-room2-" + tag,
                a.email(), member.email(), invitee));
        Api.Response locationBefore = seenByA(api.get("/api/v1/locations/" + location, a.token()));
        seenByA(api.get("/api/v1/organizations/" + a.orgId(), a.token()));
        long membersBefore = seenByA(api.get("/api/v1/members", a.token())).json().path("pagination")
                .path("total").asLong();
        Api.Response invitationsBefore = seenByA(api.get("/api/v1/invitations", a.token()));
        assertThat(idsOfA).contains(a.orgId().toString(), a.userId().toString(), location.toString(),
                member.userId().toString()).hasSizeGreaterThanOrEqualTo(7);

        Owner b = ownerWithOrganization("Bravo-" + tag);
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).extracting(Endpoint::pattern)
                .contains("/api/v1/locations/{id}/rooms/{roomId}", "/api/v1/members/{id}", "/api/v1/invitations/{id}");

        SoftAssertions soft = new SoftAssertions();
        int calls = 0;
        for (Endpoint endpoint : endpoints) {
            if (endpoint.variables().isEmpty()) {
                if (endpoint.method().equals("GET")) {
                    Api.Response r = api.get(endpoint.pattern(), b.token());
                    soft.assertThat(r.status()).as("GET %s: %s", endpoint.pattern(), r).isBetween(200, 299);
                    assertLeaksNothing(soft, "GET " + endpoint.pattern(), endpoint.pattern(), r);
                    calls++;
                }
                continue;
            }
            for (List<String> ids : combinations(endpoint.variables().size())) {
                String path = substitute(endpoint.pattern(), ids);
                Object body = endpoint.method().equals("GET") || endpoint.method().equals("DELETE") ? null
                        : plausibleBody(endpoint.handler());
                Api.Response r = api.send(endpoint.method(), path, body, b.token(), Map.of());
                String what = endpoint.method() + " " + path + " " + body + ": " + r;
                if (r.status() == 400) {
                    soft.assertThat(r.field("code")).as(what).isEqualTo("validation_failed");
                    soft.assertThat(invalidFields(r)).as(what).doesNotContainAnyElementsOf(endpoint.variables());
                } else {
                    soft.assertThat(r.status()).as(what).isIn(403, 404);
                }
                assertLeaksNothing(soft, what, path, r);
                calls++;
            }
        }
        soft.assertAll();
        assertThat(calls).isGreaterThan(100);

        Api.Response locationAfter = api.get("/api/v1/locations/" + location, a.token());
        assertThat(locationAfter.status()).isEqualTo(200);
        assertThat(locationAfter.json()).isEqualTo(locationBefore.json());
        assertThat(api.get("/api/v1/organizations/" + a.orgId(), a.token()).field("name")).isEqualTo("Alpha-" + tag);
        assertThat(api.get("/api/v1/members", a.token()).json().path("pagination").path("total").asLong())
                .isEqualTo(membersBefore);
        assertThat(api.get("/api/v1/invitations", a.token()).json()).isEqualTo(invitationsBefore.json());
    }

    /** The answer names none of A's ids or data, apart from echoing the path B asked for. */
    private void assertLeaksNothing(SoftAssertions soft, String what, String path, Api.Response r) {
        String text = r.text().toLowerCase(Locale.ROOT).replace(path.toLowerCase(Locale.ROOT), "");
        for (String id : idsOfA) {
            soft.assertThat(text).as("%s leaks A's id", what).doesNotContain(id);
        }
        for (String secret : secretsOfA) {
            soft.assertThat(text).as("%s leaks A's data", what).doesNotContain(secret.toLowerCase(Locale.ROOT));
        }
    }

    /** Every authenticated API operation, except the public sign-in endpoints under /api/v1/auth. */
    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<String> patterns = info.getPatternValues();
            var methods = info.getMethodsCondition().getMethods();
            List<String> verbs = methods.isEmpty() ? List.of("GET")
                    : methods.stream().map(Enum::name).sorted().toList();
            for (String pattern : patterns) {
                if (!pattern.startsWith("/api/v1/") || pattern.startsWith("/api/v1/auth/")) {
                    continue;
                }
                List<String> variables = new ArrayList<>();
                Matcher m = PATH_VARIABLE.matcher(pattern);
                while (m.find()) {
                    variables.add(m.group(1));
                }
                verbs.forEach(v -> endpoints.add(new Endpoint(v, pattern, variables, entry.getValue())));
            }
        }
        return endpoints;
    }

    private List<List<String>> combinations(int size) {
        List<List<String>> result = List.of(List.of());
        for (int i = 0; i < size; i++) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : result) {
                for (String id : idsOfA) {
                    List<String> extended = new ArrayList<>(prefix);
                    extended.add(id);
                    next.add(extended);
                }
            }
            result = next;
        }
        return result;
    }

    private static String substitute(String pattern, List<String> ids) {
        Matcher m = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        int i = 0;
        while (m.find()) {
            m.appendReplacement(path, ids.get(i++));
        }
        m.appendTail(path);
        return path.toString();
    }

    /** A valid request body for the handler, built from its @RequestBody record, so the id is looked up. */
    private static Object plausibleBody(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return plausible(parameter.getParameterType(), "");
            }
        }
        return Map.of();
    }

    private static Object plausible(Class<?> type, String name) {
        if (type.isRecord()) {
            Map<String, Object> body = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                body.put(component.getName(), plausible(component.getType(), component.getName()));
            }
            return body;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return 5;
        }
        if (type == Boolean.class || type == boolean.class) {
            return true;
        }
        if (type == UUID.class) {
            return UUID.randomUUID().toString();
        }
        if (List.class.isAssignableFrom(type) || Set.class.isAssignableFrom(type)) {
            return List.of();
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "email" -> uniqueEmail("bravo-probe");
            case "timezone" -> "UTC";
            case "currency" -> "EUR";
            case "country" -> "DE";
            case "role" -> "staff";
            case "password" -> PASSWORD;
            default -> type == String.class ? "probe" : Map.of();
        };
    }
}
