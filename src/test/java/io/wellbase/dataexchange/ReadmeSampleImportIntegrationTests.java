package io.wellbase.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sample file the README imports imports: every row, no failure, Mindbody's statuses mapped. */
class ReadmeSampleImportIntegrationTests extends ImportTest {

    @Test
    void theReadmesSampleClientsImport() throws Exception {
        Owner owner = ownerWithOrganization("README sample");
        byte[] sample = Files.readAllBytes(Path.of("docs/samples/clients.csv"));
        JsonNode dry = importAndWait(owner.token(), "clients", "clients.csv", sample, Map.of("dryRun", "true"));
        assertThat(dry.path("status").asString()).as(dry.toString()).isEqualTo("completed");
        JsonNode job = importAndWait(owner.token(), "clients", "clients.csv", sample, Map.of());
        assertThat(job.path("counts").path("created").asInt())
                .as(job.toString())
                .isEqualTo(5);
        assertThat(job.path("counts").path("failed").asInt()).isZero();
        assertThat(jdbc.sql("SELECT status FROM clients WHERE org_id = :org AND last_name = 'Dubois'")
                        .param("org", owner.orgId())
                        .query(String.class)
                        .single())
                .isEqualTo("inactive");
    }
}
