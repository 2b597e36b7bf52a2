package io.wellbase.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ClientsImportIntegrationTests extends ImportTest {

    /** A Mindbody client export with the usual trouble: BOM, CRLF, a quoted newline, bad rows. */
    static final String MINDBODY_CLIENTS = String.join(
            "\r\n",
            "Client ID,First Name,Last Name,Email,Mobile Phone,Birth Date,Address,City,State,Postal Code,Country,Creation Date,Notes",
            "100001,Anna,Berg,anna@example.test,(555) 123-4567,03/14/1990,\"12 Main St",
            "Apt 4\",Springfield,IL,62701,United States,01/05/2024 9:15 AM,likes mornings",
            "100002,Ben,Cole,ben@example.test,555 222 3333,11/30/1985,,Chicago,IL,60601,US,2/1/2024,",
            ",,,,,,,,,,,,",
            "100003,Cara,Diaz,not-an-email,,07/04/1992,,,,,,,",
            "100002,Ben,Cole-Duplicate,ben2@example.test,,,,,,,,,",
            "100004,Dan,Evans,anna@example.test,,12/31/1980,,,,,,,",
            "100005,Eve,Fox,eve@example.test,,,,,,,Atlantis,,",
            "100006,\"Zoë\",\"O'Brien, Jr.\",zoe@example.test,,12/24/1979,,,,,IE,,",
            "100007,Gus,Hale,gus@example.test,,13/31/1980,,,,,,,",
            "");

    @Test
    void aMindbodyExportImportsAfterADryRunThatAgreesAndASecondRunChangesNothing() {
        Owner owner = ownerWithOrganization("Import Studio");
        byte[] file = utf8WithBom(MINDBODY_CLIENTS);

        JsonNode dry = importAndWait(owner.token(), "clients", "clients.csv", file, Map.of("dryRun", "true"));
        assertThat(dry.path("status").asString()).as(dry.toString()).isEqualTo("completed");
        assertThat(dry.path("dryRun").asBoolean()).isTrue();
        assertThat(dry.path("mapping").path("Client ID").asString()).isEqualTo("externalId");
        assertThat(dry.path("mapping").path("Mobile Phone").asString()).isEqualTo("mobilePhone");
        assertThat(dry.path("ignoredColumns").toString()).contains("Notes");
        assertThat(dry.path("detected").path("encoding").asString()).isEqualTo("UTF-8 with BOM");
        assertThat(dry.path("detected").path("dateOrder").asString()).isEqualTo("MDY");
        assertThat(clients(owner)).isZero();

        JsonNode real = importAndWait(owner.token(), "clients", "clients.csv", file, Map.of());
        assertThat(real.path("status").asString()).as(real.toString()).isEqualTo("completed");
        for (String counter : List.of("created", "updated", "skipped", "failed", "warnings")) {
            assertThat(count(real, counter)).as(counter).isEqualTo(count(dry, counter));
        }
        assertThat(count(real, "created")).isEqualTo(4);
        assertThat(count(real, "failed")).isEqualTo(4);
        assertThat(count(real, "warnings")).isEqualTo(1);
        assertThat(clients(owner)).isEqualTo(4);

        Map<String, Object> anna =
                jdbc.sql("""
                SELECT first_name, last_name, line1, birth_date::text AS birth, country, mobile_phone,
                       external_ids->>'mindbody' AS mb, to_char(created_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD HH24:MI') AS created
                FROM clients WHERE org_id = :org AND email = 'anna@example.test' AND first_name = 'Anna'
                """).param("org", owner.orgId()).query().singleRow();
        assertThat(anna)
                .containsEntry("line1", "12 Main St\nApt 4")
                .containsEntry("birth", "1990-03-14")
                .containsEntry("country", "US")
                .containsEntry("mb", "100001")
                .containsEntry("created", "2024-01-05 09:15");
        assertThat(jdbc.sql("SELECT last_name FROM clients WHERE org_id = :org AND first_name = 'Zoë'")
                        .param("org", owner.orgId())
                        .query(String.class)
                        .single())
                .isEqualTo("O'Brien, Jr.");

        JsonNode errors = errors(owner.token(), real);
        assertThat(messages(errors))
                .containsExactly(
                        "6 Email not-an-email: is not an email address",
                        "7 Client ID 100002: duplicate of row 4 in this file; only the first is imported",
                        "9 Country Atlantis: is not a country (use a name or a two-letter code)",
                        "11 Birth Date 13/31/1980: is not a date in MM/DD/YYYY or YYYY-MM-DD");
        assertThat(errors(owner.token(), dry)).isEqualTo(errors);
        assertThat(errors.toString()).contains("shares its email with row 2");

        Api.Response csv =
                api.get("/api/v1/imports/" + real.path("id").asString() + "/errors?format=csv", owner.token());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.text())
                .startsWith("\ufeffRow,Column,Value,Message,Severity\r\n")
                .contains("6,Email,not-an-email,is not an email address,error\r\n");

        JsonNode again = importAndWait(owner.token(), "clients", "clients.csv", file, Map.of());
        assertThat(count(again, "created")).isZero();
        assertThat(count(again, "updated")).isZero();
        assertThat(count(again, "skipped")).isEqualTo(4);
        assertThat(clients(owner)).isEqualTo(4);
    }

    @Test
    void theErrorReportCsvNeverCarriesALiveFormula() throws java.io.IOException {
        Owner owner = ownerWithOrganization("Formula Errors");
        String file = "Client ID,First Name,Last Name,Email,Birth Date\n"
                + "F-1,Eve,One,\"=HYPERLINK(\"\"http://evil.test\"\",\"\"click\"\")\",\n"
                + "F-2,Eve,Two,,=1+1\n"
                + "F-3,Eve,Three,\"=HYPERLINK(\"\"http://evil.test\"\")\nsecond line\",\n"
                + "F-4,Eve,Four,@SUM(A1),\n";
        JsonNode job = importAndWait(
                owner.token(), "clients", "formulas.csv", file.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(count(job, "failed")).as(job.toString()).isEqualTo(4);

        Api.Response csv =
                api.get("/api/v1/imports/" + job.path("id").asString() + "/errors?format=csv", owner.token());
        assertThat(csv.status()).isEqualTo(200);
        String text = csv.text();
        assertThat(text)
                .startsWith("\ufeffRow,Column,Value,Message,Severity\r\n")
                .contains(
                        "2,Email,\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"click\"\")\",is not an email address,error\r\n")
                .contains("\r\n3,Birth Date,'=1+1,")
                .contains(
                        "4,Email,\"'=HYPERLINK(\"\"http://evil.test\"\")\nsecond line\",is not an email address,error\r\n")
                .contains("6,Email,'@SUM(A1),is not an email address,error\r\n");
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(text.replace("\ufeff", ""))) {
            reader.forEach(row -> row.getFields()
                    .forEach(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("@")));
        }
    }

    @Test
    void windows1252SemicolonsAndEuropeanDatesAreRead() {
        Owner owner = ownerWithOrganization("Berlin Studio");
        String text = "Kundennummer;Vorname;Nachname;E-Mail;Geburtsdatum\r\n"
                + "K-1;Jürgen;Weiß;juergen@example.test;24.12.1979\r\n"
                + "K-2;Zoë;Ångström;zoe@example.test;01.02.1990\r\n";
        byte[] file = text.getBytes(WINDOWS_1252);
        Api.Response unmapped = submit(owner.token(), "clients", "kunden.csv", file, Map.of());
        assertThat(unmapped.status()).isEqualTo(422);
        assertThat(unmapped.field("code")).isEqualTo("import.columns_missing");

        JsonNode job = importAndWait(
                owner.token(),
                "clients",
                "kunden.csv",
                file,
                Map.of(
                        "mapping",
                        "{\"Kundennummer\":\"externalId\",\"Vorname\":\"firstName\",\"Nachname\":\"lastName\",\"Geburtsdatum\":\"birthDate\"}"));
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(job.path("detected").path("encoding").asString()).isEqualTo("windows-1252");
        assertThat(job.path("detected").path("delimiter").asString()).isEqualTo("semicolon");
        assertThat(job.path("detected").path("dateOrder").asString()).isEqualTo("DMY");
        assertThat(job.path("mapping").path("E-Mail").asString()).isEqualTo("email");
        assertThat(count(job, "created")).isEqualTo(2);
        assertThat(jdbc.sql(
                                "SELECT first_name || ' ' || last_name || ' ' || birth_date FROM clients WHERE org_id = :org ORDER BY first_name")
                        .param("org", owner.orgId())
                        .query(String.class)
                        .list())
                .containsExactly("Jürgen Weiß 1979-12-24", "Zoë Ångström 1990-02-01");
    }

    @Test
    void aFileThatIsNotCsvIsRefusedBeforeAnyJob() {
        Owner owner = ownerWithOrganization("Refusals");
        byte[] pdf =
                "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
        Api.Response notCsv = submit(owner.token(), "clients", "clients.csv", pdf, Map.of());
        assertThat(notCsv.status()).as(notCsv.toString()).isIn(415, 422);
        byte[] prose = "Dear studio: here are my clients. Regards\nAnna\n".getBytes(StandardCharsets.UTF_8);
        Api.Response text = submit(owner.token(), "clients", "clients.csv", prose, Map.of());
        assertThat(text.status()).as(text.toString()).isEqualTo(422);
        assertThat(text.field("code")).isEqualTo("import.not_csv");
        Api.Response kind =
                submit(owner.token(), "invoices", "c.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(kind.status()).isEqualTo(400);
        Api.Response badMapping = submit(
                owner.token(),
                "clients",
                "c.csv",
                "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8),
                Map.of("mapping", "{\"a\":\"shoeSize\"}"));
        assertThat(badMapping.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/imports", owner.token()).json().path("data"))
                .isEmpty();
    }

    @Test
    void aRepeatedRequestWithTheSameIdempotencyKeyImportsOnce() {
        Owner owner = ownerWithOrganization("Idempotent Import");
        byte[] file = "Client ID,First Name,Last Name\nI-1,Ida,Ince\n".getBytes(StandardCharsets.UTF_8);
        Map<String, String> key = Map.of("Idempotency-Key", "import-" + owner.orgId());
        Api.Response first =
                api.upload("/api/v1/imports", Map.of("kind", "clients"), "c.csv", file, owner.token(), key);
        Api.Response second =
                api.upload("/api/v1/imports", Map.of("kind", "clients"), "c.csv", file, owner.token(), key);
        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.id()).isEqualTo(first.id());
        waitFor(owner.token(), first.id());
        assertThat(api.get("/api/v1/imports", owner.token()).json().path("data"))
                .hasSize(1);
        assertThat(clients(owner)).isEqualTo(1);
    }

    private long clients(Owner owner) {
        return jdbc.sql("SELECT count(*) FROM clients WHERE org_id = :org")
                .param("org", owner.orgId())
                .query(Long.class)
                .single();
    }

    static List<String> messages(JsonNode errors) {
        return StreamSupport.stream(errors.spliterator(), false)
                .filter(e -> e.path("severity").asString().equals("error"))
                .map(e -> e.path("rowNumber").asLong() + " " + e.path("column").asString() + " "
                        + e.path("value").asString() + ": " + e.path("message").asString())
                .toList();
    }
}
