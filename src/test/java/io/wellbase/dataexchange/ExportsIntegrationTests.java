package io.wellbase.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ExportsIntegrationTests extends ImportTest {

    static final String CLIENTS = "Client ID,First Name,Last Name,Email,Address,Birth Date\n"
            + "E-1,Anna,\"Berg, Jr.\",anna@example.test,\"1 \"\"Quiet\"\" Lane\nBack house\",1990-03-14\n"
            + "E-2,\"=HYPERLINK(\"\"x\"\")\",Cole,ben@example.test,,\n"
            + "E-3,Zoë,Ångström,zoe@example.test,,2001-12-31\n";

    static final String VISITS = "Visit ID,Client ID,Visit Date,Visit Time,Class Name,Location,Late Cancel,No Show\n"
            + "V-1,E-1,2026-03-02,18:30,Vinyasa Flow,Downtown,No,No\n"
            + "V-2,E-2,2026-03-02,18:30,Vinyasa Flow,Downtown,Yes,No\n"
            + "V-3,E-3,2026-03-03,07:00,Pilates,Uptown,No,Yes\n";

    static final String STAFF = "Staff ID,First Name,Last Name,Role\n"
            + "S-1,Maya,Lind,Teacher\n"
            + "S-2,Omar,\"Reed, Jr.\",Front Desk\n"
            + "S-3,=Eve,Hacker,Manager\n";

    static final String CLASSES = "Class ID,Class Name,Description,Category,Location,Staff,Day of Week,Start Time,"
            + "Duration,Capacity,Start Date,End Date\n"
            + "C-1,Morning Flow,\"Gentle, slow\nand long\",Yoga,Downtown,Maya Lind,\"Mon, Wed\",7:00 AM,60,15,2026-01-05,\n"
            + "C-2,Power Hour,,,Uptown,,Friday,18:30,45,,2026-01-09,2026-12-18\n"
            + "C-3,Zoë's Flow,,,Downtown,\"Omar Reed, Jr.\",Sa/Su,09:15,75,8,2026-02-01,\n";

    private Owner studio(String name) {
        Owner owner = ownerWithOrganization(name);
        importAndWait(owner.token(), "clients", "c.csv", CLIENTS.getBytes(StandardCharsets.UTF_8), Map.of());
        importAndWait(owner.token(), "visits", "v.csv", VISITS.getBytes(StandardCharsets.UTF_8), Map.of());
        return owner;
    }

    @Test
    void csvAndJsonCarryTheImportersColumnsAndSurviveNastyValues() {
        Owner owner = studio("Export Studio");
        Api.Response csv = api.get("/api/v1/exports?type=clients&format=csv", owner.token());
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("clients-").contains(".csv");
        String text = csv.text().replace("\ufeff", "");
        assertThat(text)
                .startsWith(String.join(",", io.wellbase.dataexchange.internal.ExchangeColumns.CLIENTS) + "\r\n");
        assertThat(text)
                .contains(
                        "E-1,Anna,\"Berg, Jr.\",anna@example.test,,,1990-03-14,,\"1 \"\"Quiet\"\" Lane\nBack house\"");
        assertThat(text).contains("E-2,\"'=HYPERLINK(\"\"x\"\")\",Cole");
        assertThat(text).contains("E-3,Zoë,Ångström");

        JsonNode json = api.get("/api/v1/exports?type=visits&format=json", owner.token())
                .json();
        assertThat(json).hasSize(3);
        assertThat(json.get(0).path("Visit ID").asString()).isEqualTo("V-1");
        assertThat(json.get(0).path("Client ID").asString()).isEqualTo("E-1");
        assertThat(json.get(0).path("Visit Date").asString()).isEqualTo("2026-03-02");
        assertThat(json.get(0).path("Visit Time").asString()).isEqualTo("18:30");
        assertThat(json.get(1).path("Late Cancel").asString()).isEqualTo("Yes");
        assertThat(json.get(2).path("No Show").asString()).isEqualTo("Yes");
        assertThat(json.get(2).path("Location").asString()).isEqualTo("Uptown");

        UUID uptown = jdbc.sql("SELECT id FROM locations WHERE org_id = :org AND name = 'Uptown'")
                .param("org", owner.orgId())
                .query(UUID.class)
                .single();
        assertThat(api.get("/api/v1/exports?type=visits&format=json&locationId=" + uptown, owner.token())
                        .json())
                .hasSize(1);
        assertThat(api.get("/api/v1/exports?type=visits&format=json&from=2026-03-03&to=2026-03-03", owner.token())
                        .json())
                .hasSize(1);
        assertThat(api.get("/api/v1/exports?type=bookings&format=json&status=late_cancelled", owner.token())
                        .json())
                .hasSize(1);
    }

    @Test
    void anExportImportsAgainIntoAnotherStudioAndOnceMoreChangesNothing() {
        Owner source = studio("Source Studio");
        Owner target = ownerWithOrganization("Target Studio");
        byte[] clients =
                api.get("/api/v1/exports?type=clients", source.token()).text().getBytes(StandardCharsets.UTF_8);
        byte[] visits =
                api.get("/api/v1/exports?type=visits", source.token()).text().getBytes(StandardCharsets.UTF_8);

        JsonNode clientJob = importAndWait(target.token(), "clients", "clients.csv", clients, Map.of());
        assertThat(count(clientJob, "created")).as(clientJob.toString()).isEqualTo(3);
        assertThat(count(clientJob, "failed")).isZero();
        JsonNode visitJob = importAndWait(target.token(), "visits", "visits.csv", visits, Map.of());
        assertThat(count(visitJob, "created")).as(visitJob.toString()).isEqualTo(3);

        String sourceVisits =
                api.get("/api/v1/exports?type=visits", source.token()).text();
        String targetVisits =
                api.get("/api/v1/exports?type=visits", target.token()).text();
        assertThat(targetVisits).isEqualTo(sourceVisits);
        assertThat(api.get("/api/v1/exports?type=clients", target.token())
                        .text()
                        .lines()
                        .skip(1)
                        .map(l -> l.replaceAll(",[^,]*$", ""))
                        .sorted()
                        .toList())
                .isEqualTo(api.get("/api/v1/exports?type=clients", source.token())
                        .text()
                        .lines()
                        .skip(1)
                        .map(l -> l.replaceAll(",[^,]*$", ""))
                        .sorted()
                        .toList());

        JsonNode again = importAndWait(source.token(), "visits", "visits.csv", visits, Map.of());
        assertThat(count(again, "skipped")).isEqualTo(3);
        assertThat(count(again, "created") + count(again, "updated")).isZero();
    }

    @Test
    void visitsAndBookingsNameTheSessionsInstructor() {
        Owner owner = ownerWithOrganization("Instructor Export");
        importAndWait(
                owner.token(),
                "staff",
                "s.csv",
                "First Name,Last Name\nMaya,Lind\n".getBytes(StandardCharsets.UTF_8),
                Map.of());
        importAndWait(owner.token(), "clients", "c.csv", CLIENTS.getBytes(StandardCharsets.UTF_8), Map.of());
        JsonNode visits = importAndWait(
                owner.token(),
                "visits",
                "v.csv",
                ("Visit ID,Client ID,Visit Date,Visit Time,"
                                + "Class Name,Staff,Location\n"
                                + "V-1,E-1,2026-03-02,18:30,Vinyasa Flow,Maya Lind,Downtown\n"
                                + "V-2,E-2,2026-03-03,07:00,Pilates,\"Lind, Maya\",Downtown\n")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
        assertThat(count(visits, "created")).as(visits.toString()).isEqualTo(2);

        String csv = api.get("/api/v1/exports?type=visits", owner.token()).text();
        assertThat(csv)
                .contains(",2026-03-02,18:30,Vinyasa Flow,Maya Lind,Downtown,No,No\r\n")
                .contains(",2026-03-03,07:00,Pilates,Maya Lind,Downtown,No,No\r\n");
        JsonNode json = api.get("/api/v1/exports?type=visits&format=json", owner.token())
                .json();
        assertThat(json.valueStream().map(v -> v.path("Staff").asString()).toList())
                .containsExactly("Maya Lind", "Maya Lind");
        JsonNode bookings = api.get("/api/v1/exports?type=bookings&format=json", owner.token())
                .json();
        assertThat(bookings.valueStream().map(v -> v.path("Staff").asString()).toList())
                .containsExactly("Maya Lind", "Maya Lind");

        Owner target = ownerWithOrganization("Instructor Target");
        importAndWait(
                target.token(),
                "staff",
                "s.csv",
                "First Name,Last Name\nMaya,Lind\n".getBytes(StandardCharsets.UTF_8),
                Map.of());
        importAndWait(
                target.token(),
                "clients",
                "c.csv",
                api.get("/api/v1/exports?type=clients", owner.token()).text().getBytes(StandardCharsets.UTF_8),
                Map.of());
        JsonNode again =
                importAndWait(target.token(), "visits", "v.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(count(again, "warnings")).as(again.toString()).isZero();
        assertThat(api.get("/api/v1/exports?type=visits", target.token()).text())
                .isEqualTo(csv);
    }

    @Test
    void staffAndClassesExportedFromOneStudioImportIntoAnotherAndExportTheSame() {
        Owner source = ownerWithOrganization("Timetable Source");
        JsonNode staffImport =
                importAndWait(source.token(), "staff", "staff.csv", STAFF.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(count(staffImport, "created")).as(staffImport.toString()).isEqualTo(3);
        JsonNode classesImport = importAndWait(
                source.token(), "classes", "classes.csv", CLASSES.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(count(classesImport, "created")).as(classesImport.toString()).isEqualTo(3);

        Api.Response staffCsv = api.get("/api/v1/exports?type=staff&format=csv", source.token());
        assertThat(staffCsv.status()).as(staffCsv.toString()).isEqualTo(200);
        assertThat(staffCsv.header("Content-Disposition")).contains("staff-").contains(".csv");
        assertThat(staffCsv.header("X-Total-Count")).isEqualTo("3");
        String staff = staffCsv.text();
        assertThat(staff)
                .isEqualTo("\ufeff" + String.join(",", io.wellbase.dataexchange.internal.ExchangeColumns.STAFF)
                        + "\r\n"
                        + "S-3,'=Eve,Hacker,,manager\r\n"
                        + "S-1,Maya,Lind,,staff\r\n"
                        + "S-2,Omar,\"Reed, Jr.\",,front_desk\r\n");
        String classes = api.get("/api/v1/exports?type=classes&format=csv", source.token())
                .text();
        assertThat(classes)
                .isEqualTo(
                        "\ufeff" + String.join(",", io.wellbase.dataexchange.internal.ExchangeColumns.CLASSES)
                                + "\r\n"
                                + "C-1,Morning Flow,\"Gentle, slow\nand long\",Yoga,Downtown,Maya Lind,\"Monday, Wednesday\",07:00,60,15,"
                                + "2026-01-05,\r\n"
                                + "C-2,Power Hour,,,Uptown,,Friday,18:30,45,20,2026-01-09,2026-12-18\r\n"
                                + "C-3,Zoë's Flow,,,Downtown,\"Omar Reed, Jr.\",\"Saturday, Sunday\",09:15,75,8,2026-02-01,\r\n");
        JsonNode json = api.get("/api/v1/exports?type=classes&format=json", source.token())
                .json();
        assertThat(json).hasSize(3);
        assertThat(json.get(0).path("Staff").asString()).isEqualTo("Maya Lind");
        assertThat(json.get(0).path("Day of Week").asString()).isEqualTo("Monday, Wednesday");
        assertThat(api.get("/api/v1/exports?type=staff&format=json", source.token())
                        .json()
                        .get(0)
                        .path("First Name")
                        .asString())
                .isEqualTo("=Eve");
        UUID uptown = jdbc.sql("SELECT id FROM locations WHERE org_id = :org AND name = 'Uptown'")
                .param("org", source.orgId())
                .query(UUID.class)
                .single();
        assertThat(api.get("/api/v1/exports?type=classes&format=json&locationId=" + uptown, source.token())
                        .json())
                .hasSize(1);

        Owner target = ownerWithOrganization("Timetable Target");
        JsonNode staffJob =
                importAndWait(target.token(), "staff", "staff.csv", staff.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(count(staffJob, "created")).as(staffJob.toString()).isEqualTo(3);
        assertThat(count(staffJob, "failed") + count(staffJob, "warnings")).isZero();
        JsonNode classJob = importAndWait(
                target.token(), "classes", "classes.csv", classes.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(count(classJob, "created")).as(classJob.toString()).isEqualTo(3);
        assertThat(count(classJob, "failed") + count(classJob, "warnings")).isZero();
        assertThat(api.get("/api/v1/exports?type=staff", target.token()).text()).isEqualTo(staff);
        assertThat(api.get("/api/v1/exports?type=classes", target.token()).text())
                .isEqualTo(classes);

        JsonNode again = importAndWait(
                target.token(), "classes", "classes.csv", classes.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(count(again, "skipped")).as(again.toString()).isEqualTo(3);
        assertThat(count(again, "created") + count(again, "updated")).isZero();
    }

    @Test
    void aClassesExportImportsIntoTheSameStudioWithoutChange() {
        Owner owner = ownerWithOrganization("Native Timetable");
        Api.Response location =
                api.post("/api/v1/locations", Map.of("name", "Studio One", "timezone", "Europe/Berlin"), owner.token());
        assertThat(location.status()).as(location.toString()).isEqualTo(201);
        Api.Response type = api.post(
                "/api/v1/class-types",
                Map.of("name", "Native Flow", "durationMinutes", 50, "defaultCapacity", 12),
                owner.token());
        assertThat(type.status()).as(type.toString()).isEqualTo(201);
        Api.Response schedule = api.post(
                "/api/v1/schedules",
                Map.of(
                        "classTypeId",
                        type.id(),
                        "locationId",
                        location.id(),
                        "weekdays",
                        List.of(2, 4),
                        "startTime",
                        "06:45",
                        "firstDate",
                        "2026-01-06"),
                owner.token());
        assertThat(schedule.status()).as(schedule.toString()).isEqualTo(201);

        String classes = api.get("/api/v1/exports?type=classes", owner.token()).text();
        String id = jdbc.sql("SELECT id::text FROM class_schedules WHERE org_id = :org")
                .param("org", owner.orgId())
                .query(String.class)
                .single();
        assertThat(classes)
                .endsWith("\r\n" + id + ",Native Flow,,,Studio One,,\"Tuesday, Thursday\",06:45,50,12,"
                        + "2026-01-06,\r\n");
        JsonNode again = importAndWait(
                owner.token(), "classes", "classes.csv", classes.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(count(again, "skipped")).as(again.toString()).isEqualTo(1);
        assertThat(count(again, "created") + count(again, "updated") + count(again, "failed"))
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM class_schedules WHERE org_id = :org")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/exports?type=classes", owner.token()).text())
                .isEqualTo(classes);
    }

    /**
     * Every column of the clients, bookings, sales and memberships exports, exactly: the exports read the owners'
     * published views, and a file must not change by a byte when a view or its table does.
     */
    @Test
    void clientsBookingsSalesAndMembershipsExportEveryColumnExactly() {
        Owner owner = ownerWithOrganization("Every Column");
        importAndWait(
                owner.token(),
                "clients",
                "c.csv",
                ("Client ID,First Name,Last Name,Email,Mobile Phone,Home Phone,"
                                + "Birth Date,Gender,Address,City,State,Postal Code,Country,Status,Source\n"
                                + "E-1,Anna,Berg,anna@example.test,+49 151 0000001,030 000001,1990-03-14,female,1 Quiet Lane,Berlin,"
                                + "Berlin,10115,DE,Active,Instagram\n"
                                + "E-2,Ben,Cole,ben@example.test,,,,,,,,,,,\n")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
        importAndWait(owner.token(), "visits", "v.csv", VISITS.getBytes(StandardCharsets.UTF_8), Map.of());
        importAndWait(
                owner.token(),
                "sales",
                "s.csv",
                ("Sale ID,Sale Date,Client ID,Item name,Quantity,Amount,"
                                + "Payment Method\n"
                                + "R1,01/15/2026,E-1,10 Class Pack,1,$150.00,Visa\n"
                                + "R1,01/15/2026,E-1,Water,2,$4.00,Visa\n"
                                + "R2,02/01/2026,E-2,Drop-in,1,$20,Cash\n")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
        importAndWait(
                owner.token(),
                "memberships",
                "m.csv",
                ("Membership ID,Client ID,Membership,Start Date,End Date,"
                                + "Status\n"
                                + "K1,E-1,Unlimited Monthly,2026-01-01,2099-12-31,Active\n"
                                + "K2,E-2,Unlimited Monthly,2025-01-01,2025-06-30,\n")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
        importAndWait(
                owner.token(),
                "pricing_options",
                "p.csv",
                ("Pricing Option ID,Client ID,Pricing Option,Active Date,"
                                + "Expiration Date,Count,Remaining\n"
                                + "P1,E-2,5 Class Pack,02/01/2026,08/01/2099,5,3\n")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of());
        jdbc.sql("UPDATE clients SET created_at = CASE WHEN first_name = 'Anna' THEN TIMESTAMPTZ '2026-01-10 08:30Z'"
                        + " ELSE TIMESTAMPTZ '2026-01-11 23:30Z' END WHERE org_id = :org")
                .param("org", owner.orgId())
                .update();
        jdbc.sql("UPDATE bookings SET created_at = '2026-02-28 17:05Z' WHERE org_id = :org")
                .param("org", owner.orgId())
                .update();
        Map<String, String> bookingIds = new java.util.HashMap<>();
        jdbc.sql("SELECT import_ref, id::text FROM bookings WHERE org_id = :org")
                .param("org", owner.orgId())
                .query(rs -> {
                    bookingIds.put(rs.getString(1), rs.getString(2));
                });

        assertThat(api.get("/api/v1/exports?type=clients", owner.token()).text())
                .isEqualTo("\ufeff"
                        + String.join(",", io.wellbase.dataexchange.internal.ExchangeColumns.CLIENTS) + "\r\n"
                        + "E-1,Anna,Berg,anna@example.test,'+49 151 0000001,030 000001,1990-03-14,female,1 Quiet Lane,Berlin,"
                        + "Berlin,10115,DE,active,Instagram,2026-01-10 09:30\r\n"
                        + "E-2,Ben,Cole,ben@example.test,,,,,,,,,,active,,2026-01-12 00:30\r\n");
        assertThat(api.get("/api/v1/exports?type=bookings", owner.token()).text())
                .isEqualTo("\ufeff"
                        + String.join(",", io.wellbase.dataexchange.internal.ExchangeColumns.BOOKINGS) + "\r\n"
                        + bookingIds.get("V-1")
                        + ",E-1,Anna,Berg,Vinyasa Flow,2026-03-02,18:30,,Downtown,attended,2026-02-28 18:05\r\n"
                        + bookingIds.get("V-2")
                        + ",E-2,Ben,Cole,Vinyasa Flow,2026-03-02,18:30,,Downtown,late_cancelled,"
                        + "2026-02-28 18:05\r\n");
        List<String> sales = api.get("/api/v1/exports?type=sales", owner.token())
                .text()
                .lines()
                .toList();
        assertThat(sales).hasSize(4);
        assertThat(sales.get(0))
                .isEqualTo("\ufeff" + String.join(",", io.wellbase.dataexchange.internal.ExchangeColumns.SALES));
        assertThat(sales.subList(1, 3))
                .as("one sale's items, in the order of their ids")
                .containsExactlyInAnyOrder(
                        "R1,2026-01-15 00:00,E-1,10 Class Pack,1,150.00,EUR,card_terminal",
                        "R1,2026-01-15 00:00,E-1,Water,2,4.00,EUR,card_terminal");
        assertThat(sales.get(3)).isEqualTo("R2,2026-02-01 00:00,E-2,Drop-in,1,20.00,EUR,cash");
        assertThat(api.get("/api/v1/exports?type=memberships", owner.token()).text())
                .isEqualTo("\ufeff"
                        + String.join(",", io.wellbase.dataexchange.internal.ExchangeColumns.MEMBERSHIPS) + "\r\n"
                        + "K2,E-2,Unlimited Monthly,2025-01-01,2025-06-30,,expired\r\n"
                        + "K1,E-1,Unlimited Monthly,2026-01-01,2099-12-31,,active\r\n"
                        + "P1,E-2,5 Class Pack,2026-02-01,2099-08-01,3,active\r\n");
    }

    @Test
    void aLargeExportRunsAsAJobEndingWithTheSameFile() {
        Owner owner = studio("Async Export");
        String direct = api.get("/api/v1/exports?type=clients&format=csv", owner.token())
                .text();
        Api.Response accepted = api.get("/api/v1/exports?type=clients&format=csv&async=true", owner.token());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/exports/" + accepted.id());
        JsonNode job = null;
        for (int i = 0; i < 300; i++) {
            job = api.get("/api/v1/exports/" + accepted.id(), owner.token()).json();
            if (!job.path("status").asString().equals("queued")
                    && !job.path("status").asString().equals("processing")) {
                break;
            }
            sleep();
        }
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.path("rowCount").asLong()).isEqualTo(3);
        byte[] file = Api.download(job.path("fileUrl").asString()).body();
        assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo(direct);
        assertThat(api.get("/api/v1/exports/jobs", owner.token()).json().path("data"))
                .hasSize(1);
    }

    @Test
    void badRequestsAndOtherTenantsGetNothing() {
        Owner a = studio("Tenant A Export");
        importAndWait(a.token(), "staff", "s.csv", STAFF.getBytes(StandardCharsets.UTF_8), Map.of());
        importAndWait(a.token(), "classes", "c.csv", CLASSES.getBytes(StandardCharsets.UTF_8), Map.of());
        Owner b = ownerWithOrganization("Tenant B Export");
        assertThat(api.get("/api/v1/exports?type=invoices", a.token()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/exports?type=clients&format=xml", a.token()).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/exports?type=clients&from=14.03.2026", a.token())
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/exports?type=clients&from=2026-03-14&to=2026-03-01", a.token())
                        .status())
                .isEqualTo(400);
        UUID aLocation = jdbc.sql("SELECT id FROM locations WHERE org_id = :org LIMIT 1")
                .param("org", a.orgId())
                .query(UUID.class)
                .single();
        assertThat(api.get("/api/v1/exports?type=visits&locationId=" + aLocation, b.token())
                        .status())
                .isEqualTo(404);
        for (String type : List.of("clients", "visits", "sales", "memberships", "bookings", "staff", "classes")) {
            Api.Response r = api.get("/api/v1/exports?type=" + type + "&format=json", b.token());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json()).as(type).isEmpty();
        }
        for (String type : List.of("clients", "visits", "bookings", "staff", "classes")) {
            assertThat(api.get("/api/v1/exports?type=" + type + "&format=json", a.token())
                            .json())
                    .as(type)
                    .isNotEmpty();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
