package io.wellbase.dataexchange.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.audit.AuditTrail;
import io.wellbase.files.StoredFiles;
import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A job that fails half-way keeps nothing; a job whose node died runs again from the start. */
class ImportFailureIntegrationTests extends IntegrationTest {

    @Autowired
    ImportRunner runner;

    @Autowired
    ImportJobStore jobs;

    @Autowired
    ImportErrors errors;

    @Autowired
    StoredFiles files;

    @Autowired
    ImportConnections connections;

    @Autowired
    AuditTrail audit;

    @Autowired
    List<KindImport> kinds;

    @Autowired
    io.wellbase.organizations.OrganizationProfiles organizations;

    @Autowired
    DataSource dataSource;

    private static final String CSV = "Client ID,First Name,Last Name\nF-1,Anna,Berg\nF-2,Explode,Now\nF-3,Cara,Diaz\n";

    private String waitFor(String token, UUID id) {
        for (int i = 0; i < 600; i++) {
            String status = api.get("/api/v1/imports/" + id, token).field("status");
            if (!status.equals("queued") && !status.equals("processing")) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("import did not end");
    }

    private long clients(Owner owner) {
        return jdbc.sql("SELECT count(*) FROM clients WHERE org_id = :org")
                .param("org", owner.orgId())
                .query(Long.class)
                .single();
    }

    @Test
    void aStoredFileThatCannotBeReadIsRefusedBeforeAJobIsQueued() throws Exception {
        Owner owner = ownerWithOrganization("Unreadable import");
        Api.Response file = api.upload(
                "/api/v1/uploads",
                Map.of("purpose", "import"),
                "c.csv",
                CSV.getBytes(StandardCharsets.UTF_8),
                owner.token());
        assertThat(file.status()).as(file.toString()).isEqualTo(201);
        String key = jdbc.sql("SELECT storage_key FROM files WHERE id = :id")
                .param("id", file.id())
                .query(String.class)
                .single();
        java.nio.file.Path stored =
                java.nio.file.Path.of("target/test-files").toAbsolutePath().resolve(key);
        assertThat(stored).exists();

        // a directory where the bytes should be: the storage opens it, reading it fails
        java.nio.file.Files.delete(stored);
        java.nio.file.Files.createDirectory(stored);
        Api.Response unreadable =
                api.post("/api/v1/imports", Map.of("fileId", file.id().toString(), "kind", "clients"), owner.token());
        assertThat(unreadable.status()).as(unreadable.toString()).isEqualTo(422);
        assertThat(unreadable.field("code")).isEqualTo("import.unreadable");

        // nothing at all where the bytes should be: the storage cannot hand the file out
        java.nio.file.Files.delete(stored);
        Api.Response gone =
                api.post("/api/v1/imports", Map.of("fileId", file.id().toString(), "kind", "clients"), owner.token());
        assertThat(gone.status()).as(gone.toString()).isEqualTo(503);
        assertThat(gone.field("code")).isEqualTo("file.storage_unavailable");
        assertThat(jdbc.sql("SELECT count(*) FROM imports WHERE org_id = :org")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aDatabaseFailureMidMergeLeavesNoHalfImport() {
        Owner owner = ownerWithOrganization("Failing Import");
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION test_explode() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.first_name = 'Explode' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$
                """).update();
        jdbc.sql("CREATE TRIGGER test_explode BEFORE INSERT ON clients FOR EACH ROW EXECUTE FUNCTION test_explode()")
                .update();
        try {
            Api.Response submitted = api.upload(
                    "/api/v1/imports",
                    Map.of("kind", "clients"),
                    "c.csv",
                    CSV.getBytes(StandardCharsets.UTF_8),
                    owner.token());
            assertThat(waitFor(owner.token(), submitted.id())).isEqualTo("failed");
            Api.Response job = api.get("/api/v1/imports/" + submitted.id(), owner.token());
            assertThat(job.field("error")).startsWith("The import stopped and nothing was imported");
            assertThat(clients(owner)).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM import_keys WHERE org_id = :org")
                            .param("org", owner.orgId())
                            .query(Long.class)
                            .single())
                    .isZero();
        } finally {
            jdbc.sql("DROP TRIGGER test_explode ON clients").update();
            jdbc.sql("DROP FUNCTION test_explode()").update();
        }
    }

    @Test
    void aJobLeftRunningByADeadNodeRunsAgainFromTheStart() {
        Owner owner = ownerWithOrganization("Resumed Import");
        Api.Response submitted = api.upload(
                "/api/v1/imports",
                Map.of("kind", "clients"),
                "c.csv",
                CSV.getBytes(StandardCharsets.UTF_8),
                owner.token());
        assertThat(waitFor(owner.token(), submitted.id())).isEqualTo("completed");
        jdbc.sql("UPDATE imports SET status = 'processing', created = 0, completed_at = NULL WHERE id = :id")
                .param("id", submitted.id())
                .update();
        jdbc.sql("INSERT INTO import_errors (import_id, org_id, row_number, message) VALUES (:id, :org, 99, 'stale')")
                .param("id", submitted.id())
                .param("org", owner.orgId())
                .update();

        runner.run(submitted.id());

        Api.Response job = api.get("/api/v1/imports/" + submitted.id(), owner.token());
        assertThat(job.field("status")).isEqualTo("completed");
        assertThat(job.field("counts.skipped")).isEqualTo("3");
        assertThat(clients(owner)).isEqualTo(3);
        assertThat(api.get("/api/v1/imports/" + submitted.id() + "/errors", owner.token())
                        .text())
                .doesNotContain("stale");
        assertThat(jdbc.sql("SELECT attempts FROM imports WHERE id = :id")
                        .param("id", submitted.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aCancelledJobKeepsNothing() {
        Owner owner = ownerWithOrganization("Cancelled Import");
        UUID id = UUID.randomUUID();
        Api.Response file = api.upload(
                "/api/v1/uploads",
                Map.of("purpose", "import"),
                "c.csv",
                CSV.getBytes(StandardCharsets.UTF_8),
                owner.token());
        jdbc.sql("""
                INSERT INTO imports (id, org_id, kind, file_id, status, requested_by)
                VALUES (:id, :org, 'clients', :file, 'queued', :user)
                """)
                .param("id", id)
                .param("org", owner.orgId())
                .param("file", file.id())
                .param("user", owner.userId())
                .update();
        assertThat(api.post("/api/v1/imports/" + id + "/cancel", Map.of(), owner.token())
                        .field("status"))
                .isEqualTo("cancelled");
        runner.run(id);
        assertThat(clients(owner)).isZero();
        Api.Response again = api.post("/api/v1/imports/" + id + "/cancel", Map.of(), owner.token());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.field("code")).isEqualTo("import.finished");
    }

    @Test
    void aMergeStepThatRunsPastTheTimeoutFailsTheJobAndNamesTheStep() throws SQLException {
        Owner owner = ownerWithOrganization("Slow Import");
        UUID id = queuedSecondImport(owner);
        ImportRunner impatient = new ImportRunner(
                jobs,
                errors,
                files,
                connections,
                organizations,
                audit,
                kinds,
                new ImportsProperties(Duration.ofSeconds(1), Duration.ofDays(90)),
                new ImportMeters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));

        // another transaction holds the clients, so the step that updates them waits past the timeout
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock =
                    other.prepareStatement("SELECT id FROM clients WHERE org_id = ? FOR UPDATE")) {
                lock.setObject(1, owner.orgId());
                lock.executeQuery().close();
                impatient.run(id);
            } finally {
                other.rollback();
            }
        }

        Api.Response job = api.get("/api/v1/imports/" + id, owner.token());
        assertThat(job.field("status")).isEqualTo("failed");
        assertThat(job.field("error"))
                .isEqualTo(
                        "The import stopped and nothing was imported: the clients merge step "
                                + "\"updating clients\" took longer than 1 second and was stopped (wellbase.dataexchange.imports.merge-step-timeout)");
        assertThat(jdbc.sql("SELECT count(*) FROM clients WHERE org_id = :org AND first_name = 'Anna'")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM import_keys WHERE org_id = :org")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void cancellingStopsAMergeStepThatIsRunning() throws Exception {
        Owner owner = ownerWithOrganization("Cancelled Import");
        UUID id = queuedSecondImport(owner);
        ImportRunner patient = new ImportRunner(
                jobs,
                errors,
                files,
                connections,
                organizations,
                audit,
                kinds,
                new ImportsProperties(Duration.ofMinutes(5), Duration.ofDays(90)),
                new ImportMeters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock =
                    other.prepareStatement("SELECT id FROM clients WHERE org_id = ? FOR UPDATE")) {
                lock.setObject(1, owner.orgId());
                lock.executeQuery().close();
                Thread runner = Thread.ofVirtual().start(() -> patient.run(id));
                long deadline = System.currentTimeMillis() + 20_000;
                while (System.currentTimeMillis() < deadline
                        && jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity WHERE application_name = :name AND wait_event_type = 'Lock'
                        """)
                                        .param("name", ImportConnections.applicationName(id))
                                        .query(Long.class)
                                        .single()
                                == 0) {
                    Thread.sleep(50);
                }
                long cancelledAt = System.nanoTime();
                assertThat(api.post("/api/v1/imports/" + id + "/cancel", Map.of(), owner.token())
                                .status())
                        .isBetween(200, 202);
                runner.join(Duration.ofSeconds(15));
                assertThat(runner.isAlive())
                        .as("the waiting merge step was stopped")
                        .isFalse();
                assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).isLessThan(Duration.ofSeconds(10));
            } finally {
                other.rollback();
            }
        }
        Api.Response job = api.get("/api/v1/imports/" + id, owner.token());
        assertThat(job.field("status")).isEqualTo("cancelled");
        assertThat(jdbc.sql("SELECT count(*) FROM clients WHERE org_id = :org AND first_name = 'Anne'")
                        .param("org", owner.orgId())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** Imports CSV once through the API, then queues (without running) a second import that renames Anna. */
    private UUID queuedSecondImport(Owner owner) {
        Api.Response first = api.upload(
                "/api/v1/imports",
                Map.of("kind", "clients"),
                "c.csv",
                CSV.getBytes(StandardCharsets.UTF_8),
                owner.token());
        assertThat(waitFor(owner.token(), first.id())).isEqualTo("completed");
        UUID id = UUID.randomUUID();
        Api.Response file = api.upload(
                "/api/v1/uploads",
                Map.of("purpose", "import"),
                "c.csv",
                CSV.replace("Anna", "Anne").getBytes(StandardCharsets.UTF_8),
                owner.token());
        jdbc.sql("""
                INSERT INTO imports (id, org_id, kind, file_id, status, requested_by)
                VALUES (:id, :org, 'clients', :file, 'queued', :user)
                """)
                .param("id", id)
                .param("org", owner.orgId())
                .param("file", file.id())
                .param("user", owner.userId())
                .update();
        return id;
    }
}
