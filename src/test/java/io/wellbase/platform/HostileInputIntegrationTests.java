package io.wellbase.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Requests a fuzzer sends: each answers a 4xx problem with a code and the security headers, never a
 * 500 or an HTML page, and writes nothing.
 */
class HostileInputIntegrationTests extends IntegrationTest {

    private static void assertProblem(Api.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.field("code")).as(r.toString()).isEqualTo(code);
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    private static void assertInvalidField(Api.Response r, String field) {
        assertProblem(r, 400, "validation_failed");
        assertThat(r.json().path("errors").findValuesAsString("field"))
                .as(r.toString())
                .contains(field);
    }

    private long count(String table, UUID orgId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE org_id = :org")
                .param("org", orgId)
                .query(Long.class)
                .single();
    }

    @Test
    void aLocationThatSchedulesOrServicesUseCannotBeArchived() {
        Owner owner = ownerWithOrganization("Archive");
        UUID location = api.post(
                        "/api/v1/locations", Map.of("name", "Studio", "timezone", "Europe/Berlin"), owner.token())
                .id();
        UUID type = api.post(
                        "/api/v1/class-types",
                        Map.of("name", "Yoga", "durationMinutes", 60, "defaultCapacity", 10),
                        owner.token())
                .id();
        Api.Response schedule = api.post(
                "/api/v1/schedules",
                Map.of(
                        "classTypeId",
                        type,
                        "locationId",
                        location,
                        "weekdays",
                        List.of(1),
                        "startTime",
                        "09:00",
                        "firstDate",
                        LocalDate.now().plusDays(1).toString()),
                owner.token());
        assertThat(schedule.status()).as(schedule.toString()).isEqualTo(201);

        assertProblem(api.delete("/api/v1/locations/" + location, owner.token()), 409, "location.in_use");
        assertThat(api.get("/api/v1/locations/" + location, owner.token()).status())
                .isEqualTo(200);
        UUID scheduleId = UUID.fromString(schedule.field("schedule.id"));
        assertThat(api.patch("/api/v1/schedules/" + scheduleId, Map.of("capacity", 12), owner.token())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aScheduleThatEndedAtAnArchivedLocationAnswersAConflict() {
        Owner owner = ownerWithOrganization("Ended");
        UUID location = api.post("/api/v1/locations", Map.of("name", "Old", "timezone", "Europe/Berlin"), owner.token())
                .id();
        UUID type = api.post(
                        "/api/v1/class-types",
                        Map.of("name", "Yoga", "durationMinutes", 60, "defaultCapacity", 10),
                        owner.token())
                .id();
        Api.Response schedule = api.post(
                "/api/v1/schedules",
                Map.of(
                        "classTypeId",
                        type,
                        "locationId",
                        location,
                        "weekdays",
                        List.of(1),
                        "startTime",
                        "09:00",
                        "firstDate",
                        "2020-01-01",
                        "lastDate",
                        "2020-01-31"),
                owner.token());
        assertThat(schedule.status()).as(schedule.toString()).isEqualTo(201);
        assertThat(api.delete("/api/v1/locations/" + location, owner.token()).status())
                .isEqualTo(204);

        Api.Response patched =
                api.patch("/api/v1/schedules/" + schedule.field("schedule.id"), Map.of("capacity", 12), owner.token());
        assertProblem(patched, 409, "schedule.location_archived");
    }

    @Test
    void availabilitySkipsWorkingHoursAtAnArchivedLocation() {
        Owner owner = ownerWithOrganization("Closed");
        UUID location = api.post(
                        "/api/v1/locations", Map.of("name", "Clinic", "timezone", "Europe/Berlin"), owner.token())
                .id();
        api.put(
                "/api/v1/staff/" + owner.userId() + "/working-hours",
                Map.of(
                        "hours",
                        List.of(Map.of(
                                "locationId", location, "weekday", 2, "startTime", "09:00", "endTime", "12:00"))),
                owner.token());
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
                        owner.token())
                .id();
        assertThat(api.delete("/api/v1/locations/" + location, owner.token()).status())
                .isEqualTo(204);

        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin"))
                .plusDays(3)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        Api.Response slots =
                api.get("/api/v1/availability?serviceId=" + service + "&from=" + day + "&to=" + day, owner.token());
        assertThat(slots.status()).as(slots.toString()).isEqualTo(200);
        assertThat(slots.json().path("data").size()).isZero();
    }

    @Test
    void nullInsideAListNamesTheElement() {
        Owner owner = ownerWithOrganization("Nulls");
        assertInvalidField(
                api.post("/api/v1/locations", "{\"name\":\"X\",\"timezone\":\"UTC\",\"rooms\":[null]}", owner.token()),
                "rooms[0]");
        assertThat(count("locations", owner.orgId())).isZero();

        Api.Response hours =
                api.put("/api/v1/staff/" + owner.userId() + "/working-hours", "{\"hours\":[null]}", owner.token());
        assertInvalidField(hours, "hours[0]");
        assertThat(count("staff_working_hours", owner.orgId())).isZero();
    }

    @Test
    void plansOnlyReferToThisOrganizationsClassTypes() {
        Owner owner = ownerWithOrganization("Plans");
        Owner other = ownerWithOrganization("Elsewhere");
        UUID foreign = api.post(
                        "/api/v1/class-types",
                        Map.of("name", "Theirs", "durationMinutes", 60, "defaultCapacity", 10),
                        other.token())
                .id();
        Map<String, Object> plan = Map.of(
                "name",
                "Pack",
                "kind",
                "class_pack",
                "credits",
                10,
                "price",
                Map.of("amount", 15000, "currency", "EUR"),
                "periodUnit",
                "month",
                "periodCount",
                3);

        assertInvalidField(
                api.post("/api/v1/membership-plans", with(plan, "classTypeIds", List.of(foreign)), owner.token()),
                "classTypeIds");
        String nullId = "{\"name\":\"Pack\",\"kind\":\"class_pack\",\"credits\":10,\"price\":{\"amount\":1,"
                + "\"currency\":\"EUR\"},\"periodUnit\":\"month\",\"periodCount\":3,\"classTypeIds\":[null]}";
        assertInvalidField(api.post("/api/v1/membership-plans", nullId, owner.token()), "classTypeIds[0]");
        assertInvalidField(
                api.post(
                        "/api/v1/membership-plans",
                        with(plan, "serviceIds", List.of(UUID.randomUUID())),
                        owner.token()),
                "serviceIds");
        assertInvalidField(
                api.post(
                        "/api/v1/membership-plans",
                        with(plan, "locationIds", List.of(UUID.randomUUID())),
                        owner.token()),
                "locationIds");
        assertThat(count("membership_plans", owner.orgId())).isZero();

        UUID own = api.post(
                        "/api/v1/class-types",
                        Map.of("name", "Ours", "durationMinutes", 60, "defaultCapacity", 10),
                        owner.token())
                .id();
        assertThat(api.post("/api/v1/membership-plans", with(plan, "classTypeIds", List.of(own)), owner.token())
                        .status())
                .isEqualTo(201);
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        var copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    @Test
    void malformedMultipartIsA400() {
        Owner owner = ownerWithOrganization("Multipart");
        Api.Response noBoundary = api.send(
                "POST",
                "/api/v1/uploads?purpose=attachment",
                "--x\r\n\r\nhello\r\n--x--\r\n",
                owner.token(),
                Map.of("Content-Type", "multipart/form-data"));
        assertProblem(noBoundary, 400, "request.malformed_multipart");

        String truncated = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nname,email\r\nAda,ada@example.test";
        RawResponse cut = raw(("POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Bearer " + owner.token() + "\r\n"
                        + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + truncated.length()
                        + "\r\nConnection: close\r\n\r\n" + truncated)
                .getBytes(StandardCharsets.UTF_8));
        cut.assertProblem(400, "request.malformed_multipart");

        Api.Response nul = api.upload(
                "/api/v1/uploads",
                Map.of("purpose", "attachment"),
                "a\u0000b.txt",
                "hello".getBytes(StandardCharsets.UTF_8),
                owner.token());
        assertProblem(nul, 400, "request.malformed_multipart");
        Api.Response bell = api.upload(
                "/api/v1/uploads",
                Map.of("purpose", "attachment"),
                "a\u0007b.txt",
                "hello".getBytes(StandardCharsets.UTF_8),
                owner.token());
        assertInvalidField(bell, "file");
        Api.Response nulImport = api.upload(
                "/api/v1/imports",
                Map.of("kind", "clients"),
                "c\u0001.csv",
                "firstName,lastName\nAda,Lovelace\n".getBytes(StandardCharsets.UTF_8),
                owner.token());
        assertInvalidField(nulImport, "file");
        assertThat(count("files", owner.orgId())).isZero();
        assertThat(count("imports", owner.orgId())).isZero();
    }

    @Test
    void controlCharactersAreRefusedWhereTheyArrive() {
        Owner owner = ownerWithOrganization("Controls");
        assertInvalidField(
                api.post("/api/v1/clients", "{\"firstName\":\"Ada\\u0000\",\"lastName\":\"L\"}", owner.token()),
                "firstName");
        assertInvalidField(
                api.post(
                        "/api/v1/locations",
                        "{\"name\":\"X\",\"timezone\":\"UTC\",\"address\":{\"city\":" + "\"Be\\u0007rlin\"}}",
                        owner.token()),
                "address.city");
        assertThat(count("clients", owner.orgId())).isZero();
        assertThat(count("locations", owner.orgId())).isZero();
        Api.Response tabsAndNewlines =
                api.post("/api/v1/clients", "{\"firstName\":\"Ada\\tB\",\"lastName\":\"L\\r\\nM\"}", owner.token());
        assertThat(tabsAndNewlines.status()).as(tabsAndNewlines.toString()).isEqualTo(201);

        assertInvalidField(api.get("/api/v1/audit-logs/export?format=csv&action=%00", owner.token()), "action");
        assertInvalidField(api.get("/api/v1/clients?q=a%01b", owner.token()), "q");
    }

    @Test
    void unknownFieldsAreNamed() {
        Owner owner = ownerWithOrganization("Unknown");
        Api.Response r = api.post(
                "/api/v1/reports",
                "{\"reportType\":\"client_roster\",\"filters\":" + "{\"start\":\"2026-01-01\",\"end\":\"2026-01-31\"}}",
                owner.token());
        assertInvalidField(r, "filters.start");
        assertThat(count("reports", owner.orgId())).isZero();
        assertInvalidField(
                api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "A", "lastName", "B", "orgId", UUID.randomUUID()),
                        owner.token()),
                "orgId");
        assertThat(count("clients", owner.orgId())).isZero();
    }

    @Test
    void tomcatRejectionsAreProblems() {
        String big = "x".repeat(10 * 1024);
        raw(("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII))
                .assertProblemWithStatusIn(400, 431);
        raw(request("/api/v1/%00")).assertProblem(400, "request.malformed");
        raw(request("/api/v1/locations%2Fx")).assertProblem(400, "request.malformed");
        raw(request("/api/v1/a{b}")).assertProblem(400, "request.malformed");
        raw(request("/api/v1/" + "a".repeat(9000))).assertProblemWithStatusIn(400, 414);
        raw(("POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nExpect: 200-nothing\r\n"
                                + "Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
                        .getBytes(StandardCharsets.US_ASCII))
                .assertProblem(417, "request.invalid");
    }

    @Test
    void firewallRejectionsAreProblems() {
        raw(request("/api/v1/locations/;x=y")).assertProblem(400, "request.rejected");
        raw(request("/api/v1/%2e%2e/actuator")).assertProblemWithStatusIn(400);
        // a C1 control character (NEL, 0x85) in a header the server reads: Tomcat passes it on, the firewall
        // refuses it; an accented letter passes the firewall (and is no token)
        raw(withHeaderByte((byte) 0x85)).assertProblem(400, "request.rejected");
        raw(withHeaderByte((byte) 0xE9)).assertProblem(401, "auth.unauthenticated");
    }

    private static byte[] withHeaderByte(byte b) {
        byte[] head = "GET /api/v1/clients HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer caf"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, request, 0, head.length);
        request[head.length] = b;
        System.arraycopy(tail, 0, request, head.length + 1, tail.length);
        return request;
    }

    private static byte[] request(String target) {
        return ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A response read off a raw socket: java.net.http refuses to send most of these requests. */
    private record RawResponse(int status, String head, String body) {

        void assertProblem(int expectedStatus, String code) {
            assertThat(status).as(head + body).isEqualTo(expectedStatus);
            assertProblemHeaders();
            assertThat(body).contains("\"code\":\"" + code + "\"");
        }

        void assertProblemWithStatusIn(Integer... statuses) {
            assertThat(status).as(head + body).isIn((Object[]) statuses);
            assertProblemHeaders();
            assertThat(body).contains("\"code\":\"").contains("\"requestId\":\"");
        }

        private void assertProblemHeaders() {
            String lower = head.toLowerCase(Locale.ROOT);
            assertThat(lower)
                    .as(head)
                    .contains("content-type: application/problem+json")
                    .contains("x-content-type-options: nosniff");
            assertThat(body).doesNotContain("<html");
        }
    }

    private RawResponse raw(byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new RawResponse(status, head, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
