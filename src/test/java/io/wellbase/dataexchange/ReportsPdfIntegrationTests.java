package io.wellbase.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * What a reader of the PDF reports sees: names in any European script, text that can be searched,
 * roster columns that show every email and phone whole, labels instead of codes, no rate where
 * there was nothing to measure, and line charts whose points suit the period's length.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsPdfIntegrationTests extends ImportTest {

    private static final String LONG_EMAIL = "thomas.griffin.physiotherapy.and.wellness@studio-north-example.test";
    private static final Map<String, Object> Q1 = Map.of("dateRange", Map.of("from", "2026-01-01", "to", "2026-03-31"));

    private Owner owner;

    @BeforeAll
    void seed() {
        api = new Api(port);
        owner = ownerWithOrganization("Atelier Žižkov");
        load("clients", """
                Client ID,First Name,Last Name,Email,Mobile Phone,Join Date
                P-1,Łucja,Żółć,lucja@example.test,,2025-06-01
                P-2,Ирина,Петрова,irina@example.test,,2025-06-01
                P-3,Σοφία,Παπαδοπούλου,sofia@example.test,,2025-06-01
                P-4,Nguyễn Thị,Hà,ha@example.test,,2025-06-01
                P-5,Anna,Hoffmann,anna.hoffmann@example.test,+49 170 1234567,2025-06-01
                P-6,Tom,Griffin,%s,+44 20 7946 0958,2025-06-01
                P-7,Late,Joiner,late.joiner@example.test,,2026-05-10
                """.formatted(LONG_EMAIL));
        load("sales", """
                Sale ID,Sale Date,Client ID,Item name,Amount,Payment Method
                S-1,2026-01-10,P-1,Drop-in,20.00,Visa
                S-2,2026-01-12,P-2,Drop-in,15.00,Cash
                """);
        load("memberships", """
                Membership ID,Client ID,Membership,Start Date,End Date
                K-1,P-1,Unlimited,2026-02-10,2026-12-31
                """);
    }

    @Test
    void aClientWhoJoinedAfterThePeriodIsNotOnTheRoster() {
        JsonNode roster = json("client_roster", Q1);
        List<String> names = new ArrayList<>();
        roster.path("tables")
                .path("clients")
                .forEach(r -> names.add(r.path("name").asString()));
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "Łucja Żółć",
                        "Ирина Петрова",
                        "Σοφία Παπαδοπούλου",
                        "Nguyễn Thị Hà",
                        "Anna Hoffmann",
                        "Tom Griffin");
        assertThat(roster.path("kpis").path("clients").asLong()).isEqualTo(6);
    }

    @Test
    void theRosterPdfShowsNamesInAnyScriptAndEveryEmailAndPhoneWhole() throws IOException {
        JsonNode roster = json("client_roster", Q1);
        try (PDDocument document = pdf("client_roster", Q1)) {
            String text = new PDFTextStripper().getText(document);
            for (JsonNode row : roster.path("tables").path("clients")) {
                assertThat(text)
                        .contains(row.path("name").asString(), row.path("email").asString());
                if (!row.path("phone").isNull()) {
                    assertThat(text).contains(row.path("phone").asString());
                }
            }
            assertThat(text)
                    .contains(
                            "Łucja Żółć",
                            "Ирина Петрова",
                            "Σοφία Παπαδοπούλου",
                            "Nguyễn Thị Hà",
                            "Atelier Žižkov",
                            LONG_EMAIL,
                            "+44 20 7946 0958")
                    .doesNotContain("…", "?");
        }
    }

    @Test
    void thePdfTextCanBeSearchedWithoutLigatureGlyphs() throws IOException {
        try (PDDocument document = pdf("client_roster", Q1)) {
            String glyphs = glyphs(document);
            assertThat(glyphs)
                    .contains("Hoffmann", "Griffin", "Σοφία Παπαδοπούλου", "Nguyễn Thị Hà")
                    .doesNotContainPattern("[\\uFB00-\\uFB06]");
        }
    }

    @Test
    void paymentMethodsAreLabelsInThePdfAndCodesInJson() throws IOException {
        JsonNode revenue = json("revenue_summary", Q1);
        List<String> methods = new ArrayList<>();
        revenue.path("tables")
                .path("byPaymentMethod")
                .forEach(r -> methods.add(r.path("paymentMethod").asString()));
        assertThat(methods).containsExactly("card_terminal", "cash");
        try (PDDocument document = pdf("revenue_summary", Q1)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Card terminal", "Cash").doesNotContain("card_terminal");
        }
    }

    @Test
    void aMonthThatBeganWithoutMembersHasNoRetentionRate() throws IOException {
        JsonNode retention = json("membership_retention", Q1);
        JsonNode months = retention.path("tables").path("byMonth");
        assertThat(months.get(0).path("active").asLong()).isZero();
        assertThat(months.get(0).path("retention").isNull())
                .as(months.toString())
                .isTrue();
        assertThat(months.get(1).path("retention").isNull())
                .as(months.toString())
                .isTrue();
        assertThat(months.get(2).path("retention").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(retention.path("kpis").path("retention").decimalValue()).isEqualByComparingTo("100.0");
        try (PDDocument document = pdf("membership_retention", Q1)) {
            List<String> january = new PDFTextStripper()
                    .getText(document)
                    .lines()
                    .filter(l -> l.startsWith("2026-01 "))
                    .toList();
            assertThat(january).containsExactly("2026-01 0 0 0 \u2013");
        }
    }

    @Test
    void lineChartsOverLongPeriodsHaveWeeklyOrMonthlyPoints() {
        JsonNode quarter = json("attendance_summary", Q1).path("charts").path("visitsOverTime");
        assertThat(quarter.path("categories")).hasSize(14); // the weeks from Monday 2025-12-29 to Monday 2026-03-30
        assertThat(quarter.path("categories").get(0).asString()).isEqualTo("2025-12-29");
        assertThat(quarter.path("series").has("Visits per week"))
                .as(quarter.toString())
                .isTrue();
        JsonNode month = json("revenue_summary", Map.of("dateRange", Map.of("from", "2026-01-01", "to", "2026-01-31")))
                .path("charts")
                .path("revenueOverTime");
        assertThat(month.path("categories")).hasSize(31);
        assertThat(month.path("series").path("Revenue per day").get(9).decimalValue())
                .isEqualByComparingTo("20.00");
        assertThat(month.path("series").path("Revenue per day").get(0).decimalValue())
                .isEqualByComparingTo("0");
        JsonNode longer = json("revenue_summary", Map.of("dateRange", Map.of("from", "2025-01-01", "to", "2026-06-30")))
                .path("charts")
                .path("revenueOverTime");
        assertThat(longer.path("categories")).hasSize(18);
        assertThat(longer.path("categories").get(12).asString()).isEqualTo("2026-01");
        assertThat(longer.path("series").path("Revenue per month").get(12).decimalValue())
                .isEqualByComparingTo("35.00");
    }

    /** The text as a viewer searches it: each glyph's own Unicode, without PDFBox's ligature normalization. */
    private static String glyphs(PDDocument document) throws IOException {
        StringBuilder out = new StringBuilder();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                out.append(text.getUnicode());
                super.processTextPosition(text);
            }
        };
        stripper.getText(document);
        return out.toString();
    }

    private void load(String kind, String csv) {
        JsonNode job =
                importAndWait(owner.token(), kind, kind + ".csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(count(job, "failed")).as(kind + " " + job).isZero();
    }

    private JsonNode json(String type, Map<String, Object> filters) {
        return api.json(
                Api.download(run(type, "json", filters).path("downloadUrl").asString())
                        .body());
    }

    private PDDocument pdf(String type, Map<String, Object> filters) throws IOException {
        byte[] pdf = Api.download(run(type, "pdf", filters).path("downloadUrl").asString())
                .body();
        java.nio.file.Files.write(
                java.nio.file.Path.of("target", "sample-" + type.replace('_', '-') + "-unicode.pdf"), pdf);
        return Loader.loadPDF(pdf);
    }

    private JsonNode run(String type, String format, Map<String, Object> filters) {
        Api.Response requested = api.post(
                "/api/v1/reports", Map.of("reportType", type, "format", format, "filters", filters), owner.token());
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        UUID id = UUID.fromString(requested.field("reportId"));
        for (int i = 0; i < 300; i++) {
            Api.Response status = api.get("/api/v1/reports/status/" + id, owner.token());
            if (!status.field("status").equals("processing")) {
                assertThat(status.field("status")).as(status.toString()).isEqualTo("completed");
                return status.json();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("report did not finish");
    }
}
