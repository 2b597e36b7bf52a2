package io.wellbase.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The tenant walk one level down: a signed-in client walks every endpoint (found from the handler
 * mappings, so new endpoints join by themselves) with the ids of another client of the same
 * organization, and of that client's membership, sale, booking, appointment, file, note and alert.
 * Every answer is 400, 403 or 404, none carries the other client's ids or name, and the other
 * client's booking is still there afterwards.
 */
class PortalIsolationIntegrationTests extends IntegrationTest {

    private static final String SECRET_NAME = "Brunhilde Ozymandias";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Set<String> ids = new LinkedHashSet<>();

    private UUID keep(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isLessThan(300);
        ids.add(r.id().toString());
        return r.id();
    }

    private String clientToken(Owner owner, UUID clientId, String email) {
        return portalToken(owner, clientId, email);
    }

    @Test
    void aClientGetsNothingOfAnotherClientFromAnyEndpoint() {
        Owner owner = ownerWithOrganization("Two clients");
        String t = owner.token();
        UUID location = api.post("/api/v1/locations", Map.of("name", "Main", "timezone", "Europe/Berlin"), t)
                .id();
        UUID type = api.post(
                        "/api/v1/class-types", Map.of("name", "Flow", "durationMinutes", 60, "defaultCapacity", 10), t)
                .id();
        UUID plan = api.post(
                        "/api/v1/membership-plans",
                        Map.of(
                                "name",
                                "Pack",
                                "kind",
                                "class_pack",
                                "credits",
                                5,
                                "price",
                                Map.of("amount", 5000, "currency", "EUR"),
                                "periodUnit",
                                "month",
                                "periodCount",
                                1),
                        t)
                .id();
        UUID session = api.post(
                        "/api/v1/sessions",
                        Map.of(
                                "classTypeId",
                                type,
                                "locationId",
                                location,
                                "startsAt",
                                OffsetDateTime.now()
                                        .plusDays(1)
                                        .truncatedTo(ChronoUnit.HOURS)
                                        .toString()),
                        t)
                .id();
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin"))
                .plusDays(3)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        api.put(
                "/api/v1/staff/" + owner.userId() + "/working-hours",
                Map.of(
                        "hours",
                        List.of(Map.of(
                                "locationId", location, "weekday", 2, "startTime", "09:00", "endTime", "12:00"))),
                t);
        UUID service = api.post(
                        "/api/v1/services",
                        Map.of(
                                "name",
                                "Massage",
                                "durationMinutes",
                                60,
                                "priceAmount",
                                8000,
                                "currency",
                                "EUR",
                                "staffIds",
                                List.of(owner.userId())),
                        t)
                .id();

        String email = uniqueEmail("self");
        UUID self = api.post("/api/v1/clients", Map.of("firstName", "Sam", "lastName", "Self", "email", email), t)
                .id();
        api.post("/api/v1/clients/" + self + "/memberships", Map.of("planId", plan, "paymentMethod", "cash"), t);
        api.post("/api/v1/sessions/" + session + "/bookings", Map.of("clientId", self), t);

        UUID other = keep(api.post(
                "/api/v1/clients",
                Map.of(
                        "firstName",
                        SECRET_NAME.split(" ")[0],
                        "lastName",
                        SECRET_NAME.split(" ")[1],
                        "email",
                        uniqueEmail("other")),
                t));
        keep(api.post("/api/v1/clients/" + other + "/notes", Map.of("body", "Other's private note"), t));
        keep(api.post("/api/v1/clients/" + other + "/alerts", Map.of("level", "red", "message", "Other's alert"), t));
        keep(api.post("/api/v1/clients/" + other + "/memberships", Map.of("planId", plan, "paymentMethod", "cash"), t));
        ids.add(api.get("/api/v1/sales?clientId=" + other, t)
                .json()
                .path("data")
                .get(0)
                .path("id")
                .asString());
        UUID booking = keep(api.post("/api/v1/sessions/" + session + "/bookings", Map.of("clientId", other), t));
        keep(api.post(
                "/api/v1/appointments",
                Map.of(
                        "serviceId",
                        service,
                        "clientId",
                        other,
                        "start",
                        day.atTime(LocalTime.of(9, 0))
                                .atZone(ZoneId.of("Europe/Berlin"))
                                .toOffsetDateTime()
                                .toString()),
                t));
        keep(api.upload(
                "/api/v1/uploads",
                Map.of("purpose", "client_document", "clientId", other.toString()),
                "other-private.txt",
                "Other's private file".getBytes(StandardCharsets.UTF_8),
                t));
        keep(api.upload(
                "/api/v1/uploads", Map.of("purpose", "avatar", "clientId", other.toString()), "other.png", png(), t));

        String token = clientToken(owner, self, email);
        List<String> probedWithIds = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : patterns(info)) {
                if (!pattern.startsWith("/api/v1/") || pattern.startsWith("/api/v1/auth/")) {
                    continue;
                }
                for (RequestMethod method : methods(info)) {
                    if (pattern.contains("{")) {
                        probedWithIds.add(method + " " + pattern);
                        for (String id : ids) {
                            String path = pattern.replaceAll("\\{[^}]+}", id);
                            Object body =
                                    method == RequestMethod.GET || method == RequestMethod.DELETE ? null : Map.of();
                            // a multipart endpoint gets a file (a JSON body would stop at the media type)
                            Api.Response r = info.getConsumesCondition()
                                            .getConsumableMediaTypes()
                                            .contains(org.springframework.http.MediaType.MULTIPART_FORM_DATA)
                                    ? api.upload(path, Map.of(), "probe.txt", "probe".getBytes(), token)
                                    : api.send(method.name(), path, body, token, Map.of());
                            assertThat(r.status())
                                    .as(method + " " + path + " → " + r)
                                    .isIn(400, 403, 404);
                            assertNoLeak(r, method + " " + path);
                        }
                    } else if (method == RequestMethod.GET) {
                        Api.Response r = api.get(pattern, token);
                        assertThat(r.status()).as("GET " + pattern + " → " + r).isLessThan(500);
                        assertNoLeak(r, "GET " + pattern);
                    }
                }
            }
        });
        assertThat(probedWithIds)
                .as("portal endpoints were walked")
                .contains("GET /api/v1/portal/files/{id}", "GET /api/v1/portal/sales/{id}");

        assertThat(api.get("/api/v1/bookings/" + booking, t).field("status"))
                .as("the other's booking stands")
                .isEqualTo("confirmed");
        assertThat(api.get("/api/v1/clients/" + other + "/notes", t)
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
    }

    private static byte[] png() {
        try {
            java.awt.image.BufferedImage image =
                    new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The problem's {@code instance} echoes the path the caller sent; everything else must be free of the other's data. */
    private void assertNoLeak(Api.Response r, String what) {
        String text = r.text().replaceAll("\"instance\":\"[^\"]*\"", "");
        for (String id : ids) {
            assertThat(text).as(what + " leaks " + id).doesNotContain(id);
        }
        assertThat(text).as(what).doesNotContain("Brunhilde").doesNotContain("Other's");
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null
                ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternValues();
    }

    private static Set<RequestMethod> methods(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? Set.of(RequestMethod.GET) : methods;
    }
}
