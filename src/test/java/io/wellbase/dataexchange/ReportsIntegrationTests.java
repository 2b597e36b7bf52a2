package io.wellbase.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Each report over a studio seeded through the importer; every figure is computed again here from
 * the rows written to the files, not from the database or the report code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsIntegrationTests extends ImportTest {

    /** One generated visit: a class on day d with its client and outcome. */
    record Visit(int day, String classType, String location, String instructor, String client, String outcome) {}

    private Owner owner;
    private final List<Visit> visits = new ArrayList<>();
    private final List<long[]> sales = new ArrayList<>(); // month, cents, card (1) or cash (0)

    @BeforeAll
    void seed() {
        setUpApiOnce();
        owner = ownerWithOrganization("Report Studio");
        StringBuilder clients = new StringBuilder("Client ID,First Name,Last Name,Email,Join Date\n");
        for (int i = 1; i <= 12; i++) {
            clients.append("C-")
                    .append(i)
                    .append(",Client")
                    .append(i)
                    .append(",Test,c")
                    .append(i)
                    .append("@example.test,2025-09-01\n");
        }
        load("clients", clients.toString());
        load("staff", "First Name,Last Name,Role\nMaya,Lind,Teacher\nOmar,Reed,Teacher\n");
        StringBuilder file = new StringBuilder(
                "Visit ID,Client ID,Visit Date,Visit Time,Class Name,Staff,Location,Late Cancel,No Show\n");
        for (int d = 0; d < 30; d++) {
            for (int k = 0; k <= d % 4 + 1; k++) {
                String outcome = k == 1 && d % 5 == 0 ? "late" : k == 2 && d % 7 == 0 ? "noshow" : "attended";
                Visit v = new Visit(
                        d,
                        d % 2 == 0 ? "Flow" : "Barre",
                        d % 3 == 0 ? "South" : "North",
                        d % 2 == 0 ? "Maya Lind" : "Omar Reed",
                        "C-" + ((d + k) % 12 + 1),
                        outcome);
                visits.add(v);
                file.append("V-")
                        .append(d)
                        .append('-')
                        .append(k)
                        .append(',')
                        .append(v.client())
                        .append(",2026-01-")
                        .append(String.format("%02d", d + 1))
                        .append(",18:00,")
                        .append(v.classType())
                        .append(',')
                        .append(v.instructor())
                        .append(',')
                        .append(v.location())
                        .append(',')
                        .append(outcome.equals("late") ? "Yes" : "No")
                        .append(',')
                        .append(outcome.equals("noshow") ? "Yes" : "No")
                        .append('\n');
            }
        }
        load("visits", file.toString());
        StringBuilder saleFile = new StringBuilder("Sale ID,Sale Date,Client ID,Item name,Amount,Payment Method\n");
        for (int i = 0; i < 20; i++) {
            long cents = 1500 + i * 100;
            int month = 1 + i % 3;
            sales.add(new long[] {month, cents, i % 2 == 0 ? 1 : 0});
            saleFile.append("S-")
                    .append(i)
                    .append(",2026-0")
                    .append(month)
                    .append("-10,C-")
                    .append(i % 12 + 1)
                    .append(",Drop-in,")
                    .append(cents / 100)
                    .append(".00,")
                    .append(i % 2 == 0 ? "Visa" : "Cash")
                    .append('\n');
        }
        load("sales", saleFile.toString());
        load("memberships", """
                Membership ID,Client ID,Membership,Start Date,End Date
                K-1,C-1,Unlimited,2025-10-01,2026-12-31
                K-2,C-2,Unlimited,2025-11-01,2026-01-31
                K-3,C-3,Unlimited,2026-02-01,2026-02-28
                K-4,C-4,Unlimited,2026-01-15,2026-12-31
                K-5,C-5,Unlimited,2025-12-01,2026-01-31
                K-6,C-5,Unlimited,2026-02-01,2026-12-31
                """);
    }

    private void setUpApiOnce() {
        api = new Api(port);
    }

    private void load(String kind, String csv) {
        JsonNode job =
                importAndWait(owner.token(), kind, kind + ".csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(count(job, "failed")).as(kind + " " + job).isZero();
    }

    private JsonNode run(String type, String format, Map<String, Object> filters) {
        Api.Response requested = api.post(
                "/api/v1/reports", Map.of("reportType", type, "format", format, "filters", filters), owner.token());
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        assertThat(requested.field("status")).isEqualTo("processing");
        UUID id = UUID.fromString(requested.field("reportId"));
        for (int i = 0; i < 300; i++) {
            Api.Response status = api.get("/api/v1/reports/status/" + id, owner.token());
            if (!status.field("status").equals("processing")) {
                assertThat(status.field("status")).as(status.toString()).isEqualTo("completed");
                return status.json();
            }
            pause();
        }
        throw new AssertionError("report did not finish");
    }

    private static final Map<String, Object> Q1 = Map.of("dateRange", Map.of("from", "2026-01-01", "to", "2026-03-31"));

    private JsonNode json(String type) {
        JsonNode job = run(type, "json", Q1);
        return api.json(Api.download(job.path("downloadUrl").asString()).body());
    }

    @Test
    void attendanceFiguresEqualTheVisitsWritten() {
        JsonNode report = json("attendance_summary");
        long attended =
                visits.stream().filter(v -> v.outcome().equals("attended")).count();
        long late = visits.stream().filter(v -> v.outcome().equals("late")).count();
        long noShows = visits.stream().filter(v -> v.outcome().equals("noshow")).count();
        assertThat(report.path("kpis").path("sessions").asLong()).isEqualTo(30);
        assertThat(report.path("kpis").path("visits").asLong()).isEqualTo(attended);
        assertThat(report.path("kpis").path("lateCancels").asLong()).isEqualTo(late);
        assertThat(report.path("kpis").path("noShows").asLong()).isEqualTo(noShows);
        assertThat(report.path("kpis").path("fillRate").decimalValue())
                .isEqualByComparingTo(percent(attended + noShows, 30 * 20));
        assertThat(report.path("kpis").path("uniqueClients").asLong())
                .isEqualTo(visits.stream()
                        .filter(v -> v.outcome().equals("attended"))
                        .map(Visit::client)
                        .distinct()
                        .count());
        Map<String, Long> flow = new TreeMap<>();
        for (JsonNode row : report.path("tables").path("byClassType")) {
            flow.put(row.path("classType").asString(), row.path("visits").asLong());
        }
        assertThat(flow)
                .containsEntry(
                        "Flow",
                        visits.stream()
                                .filter(v -> v.classType().equals("Flow")
                                        && v.outcome().equals("attended"))
                                .count());
        assertThat(report.path("tables").path("byDay")).hasSize(30);
        assertThat(report.path("tables")
                        .path("byLocation")
                        .get(0)
                        .path("location")
                        .asString())
                .isEqualTo("North");
        assertThat(report.path("tables")
                        .path("byLocation")
                        .get(0)
                        .path("sessions")
                        .asLong())
                .isEqualTo(20);

        UUID south = jdbc.sql("SELECT id FROM locations WHERE org_id = :org AND name = 'South'")
                .param("org", owner.orgId())
                .query(UUID.class)
                .single();
        JsonNode southOnly = api.json(Api.download(run(
                                "attendance_summary",
                                "json",
                                Map.of(
                                        "dateRange",
                                        Map.of("from", "2026-01-01", "to", "2026-03-31"),
                                        "locationId",
                                        south))
                        .path("downloadUrl")
                        .asString())
                .body());
        assertThat(southOnly.path("kpis").path("sessions").asLong()).isEqualTo(10);
        assertThat(southOnly.path("location").asString()).isEqualTo("South");
    }

    @Test
    void revenueFiguresEqualTheSalesWritten() {
        JsonNode report = json("revenue_summary");
        long gross = sales.stream().mapToLong(s -> s[1]).sum();
        long card = sales.stream().filter(s -> s[2] == 1).mapToLong(s -> s[1]).sum();
        assertThat(report.path("kpis").path("gross").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(gross, 2));
        assertThat(report.path("kpis").path("net").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(gross, 2));
        assertThat(report.path("kpis").path("sales").asLong()).isEqualTo(20);
        Map<String, BigDecimal> byMethod = new TreeMap<>();
        report.path("tables")
                .path("byPaymentMethod")
                .forEach(r -> byMethod.put(
                        r.path("paymentMethod").asString(), r.path("revenue").decimalValue()));
        assertThat(byMethod.get("card_terminal")).isEqualByComparingTo(BigDecimal.valueOf(card, 2));
        assertThat(byMethod.get("cash")).isEqualByComparingTo(BigDecimal.valueOf(gross - card, 2));
        Map<String, BigDecimal> byMonth = new TreeMap<>();
        report.path("tables")
                .path("byMonth")
                .forEach(r -> byMonth.put(
                        r.path("month").asString(), r.path("revenue").decimalValue()));
        for (int month = 1; month <= 3; month++) {
            int m = month;
            assertThat(byMonth.get("2026-0" + month))
                    .isEqualByComparingTo(BigDecimal.valueOf(
                            sales.stream()
                                    .filter(s -> s[0] == m)
                                    .mapToLong(s -> s[1])
                                    .sum(),
                            2));
        }
    }

    @Test
    void retentionCountsNewAndChurnedMembersPerMonth() {
        JsonNode report = json("membership_retention");
        List<String> months = new ArrayList<>();
        report.path("tables")
                .path("byMonth")
                .forEach(r -> months.add(r.path("month").asString() + " "
                        + r.path("active").asLong() + " " + r.path("new").asLong() + " "
                        + r.path("churned").asLong()));
        assertThat(months).containsExactly("2026-01 3 1 1", "2026-02 4 2 1", "2026-03 3 0 0");
        assertThat(report.path("kpis").path("new").asLong()).isEqualTo(3);
        assertThat(report.path("kpis").path("churned").asLong()).isEqualTo(2);
        JsonNode curve = report.path("tables").path("retentionCurve");
        assertThat(curve.get(0).path("memberships").asLong()).isEqualTo(3);
        assertThat(curve.get(1).path("running").asLong()).isEqualTo(2);
    }

    @Test
    void rosterAndInstructorFiguresEqualTheRowsWritten() {
        JsonNode roster = json("client_roster");
        assertThat(roster.path("kpis").path("clients").asLong()).isEqualTo(12);
        for (JsonNode row : roster.path("tables").path("clients")) {
            String client =
                    "C-" + row.path("name").asString().replace("Client", "").replace(" Test", "");
            assertThat(row.path("visits").asLong())
                    .as(client)
                    .isEqualTo(visits.stream()
                            .filter(v ->
                                    v.client().equals(client) && v.outcome().equals("attended"))
                            .count());
            assertThat(row.path("lastVisit").asString())
                    .as(client)
                    .isEqualTo(visits.stream()
                            .filter(v ->
                                    v.client().equals(client) && v.outcome().equals("attended"))
                            .mapToInt(Visit::day)
                            .max()
                            .stream()
                            .mapToObj(d -> String.format("2026-01-%02d", d + 1))
                            .findFirst()
                            .orElse(null));
            assertThat(row.path("joined").asString()).as(client).isEqualTo("2025-09-01");
            assertThat(row.path("email").asString()).as(client).endsWith("@example.test");
        }
        JsonNode instructors = json("instructor_utilization");
        for (JsonNode row : instructors.path("tables").path("byInstructor")) {
            String name = row.path("instructor").asString();
            assertThat(row.path("sessions").asLong()).isEqualTo(15);
            assertThat(row.path("classHours").decimalValue()).isEqualByComparingTo("15.0");
            assertThat(row.path("visits").asLong())
                    .as(name)
                    .isEqualTo(visits.stream()
                            .filter(v ->
                                    v.instructor().equals(name) && v.outcome().equals("attended"))
                            .count());
        }
        assertThat(instructors.path("tables").path("byInstructor")).hasSize(2);
    }

    @Test
    void thePdfHasTheFiguresChartsAndPageNumbersAndTheCsvTheSameNumbers() throws IOException {
        JsonNode job = run("attendance_summary", "pdf", Q1);
        byte[] pdf = Api.download(job.path("downloadUrl").asString()).body();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "sample-attendance-summary.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            long attended =
                    visits.stream().filter(v -> v.outcome().equals("attended")).count();
            assertThat(text)
                    .contains(
                            "Attendance summary",
                            "Report Studio",
                            "2026-01-01 to 2026-03-31",
                            "Visits per day",
                            "By class type",
                            "Flow",
                            "Barre",
                            "Maya Lind",
                            "Fill rate",
                            String.valueOf(attended),
                            "Page 1 of " + document.getNumberOfPages());
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            int images = 0;
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        assertThat(image.getWidth()).isGreaterThan(500);
                        images++;
                    }
                }
            }
            assertThat(images).as("charts").isEqualTo(2);
        }
        String csv = new String(
                Api.download(run("attendance_summary", "csv", Q1)
                                .path("downloadUrl")
                                .asString())
                        .body(),
                StandardCharsets.UTF_8);
        long attended =
                visits.stream().filter(v -> v.outcome().equals("attended")).count();
        assertThat(csv)
                .contains("Visits," + attended + "\r\n")
                .contains("Classes held,30\r\n")
                .contains("Visits per day");
        assertThat(api.get("/api/v1/reports", owner.token()).json().path("data").size())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void badRequestsAreRefusedAndTheDefaultPeriodIsThirtyDays() {
        assertThat(api.post("/api/v1/reports", Map.of("reportType", "profit_forecast"), owner.token())
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/reports", Map.of("reportType", "client_roster", "format", "docx"), owner.token())
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/reports",
                                Map.of(
                                        "reportType",
                                        "client_roster",
                                        "filters",
                                        Map.of("dateRange", Map.of("from", "2020-01-01", "to", "2026-01-01"))),
                                owner.token())
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/reports",
                                Map.of(
                                        "reportType",
                                        "client_roster",
                                        "filters",
                                        Map.of("dateRange", Map.of("from", "01/01/2026"))),
                                owner.token())
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/reports",
                                Map.of(
                                        "reportType",
                                        "client_roster",
                                        "filters",
                                        Map.of("locationId", UUID.randomUUID())),
                                owner.token())
                        .status())
                .isEqualTo(404);
        Api.Response defaults =
                api.post("/api/v1/reports", Map.of("reportType", "client_roster", "format", "csv"), owner.token());
        JsonNode range = defaults.json().path("filters").path("dateRange");
        assertThat(java.time.temporal.ChronoUnit.DAYS.between(
                        java.time.LocalDate.parse(range.path("from").asString()),
                        java.time.LocalDate.parse(range.path("to").asString())))
                .isEqualTo(29);
        Owner stranger = ownerWithOrganization("Stranger");
        assertThat(api.get("/api/v1/reports/" + defaults.field("reportId"), stranger.token())
                        .status())
                .isEqualTo(404);
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, java.math.RoundingMode.HALF_UP);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
