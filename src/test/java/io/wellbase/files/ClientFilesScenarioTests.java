package io.wellbase.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.clients.ClientErased;
import io.wellbase.clients.ClientsMerged;
import io.wellbase.identity.OrganizationDirectory;
import io.wellbase.support.ModuleScenarioTest;
import io.wellbase.support.TestRows;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Client files follow their client: {@link ClientErased} deletes them, record and bytes, after the
 * erasure commits (an asynchronous {@code @ApplicationModuleListener}); {@link ClientsMerged} moves
 * them to the surviving record in the merge's transaction.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class ClientFilesScenarioTests extends ModuleScenarioTest {

    private static final Path STORAGE_ROOT = Path.of("target/test-files");

    /** Implemented by organizations, which depends on identity and so is outside this module's bootstrap. */
    @MockitoBean
    OrganizationDirectory organizations;

    /** Implemented by organizations, outside this bootstrap; only the demo data asks for it. */
    @MockitoBean
    io.wellbase.platform.demo.DemoStudio demoStudio;

    @Autowired
    StoredFiles files;

    @Test
    void erasingAClientDeletesTheirFilesAndTheirBytes(Scenario scenario) {
        TestRows rows = rows();
        UUID erased = rows.client("Erased");
        UUID kept = rows.client("Kept");
        StoredFile document = upload(rows, erased, "consent.txt");
        StoredFile othersDocument = upload(rows, kept, "intake.txt");
        Path bytes = bytesOf(document);
        assertThat(bytes).exists();

        scenario.publish(new ClientErased(rows.orgId(), erased))
                // the record goes in the listener's transaction, the bytes right after it commits
                .andWaitForStateChange(
                        () -> files.find(rows.orgId(), document.id()).isEmpty() && Files.notExists(bytes), gone -> gone)
                .andVerify(gone -> {
                    assertThat(files.find(rows.orgId(), othersDocument.id())).isPresent();
                    assertThat(bytesOf(othersDocument)).exists();
                    assertThat(deletionAudited(document.id())).isTrue();
                });
    }

    @Test
    void mergingClientsMovesTheFilesToTheSurvivor(Scenario scenario) {
        TestRows rows = rows();
        UUID survivor = rows.client("Survivor");
        UUID merged = rows.client("Duplicate");
        StoredFile document = upload(rows, merged, "waiver.txt");

        scenario.publish(new ClientsMerged(rows.orgId(), survivor, merged))
                .andWaitForStateChange(() -> rows.clientOf("files", document.id()), survivor::equals)
                .andVerify(moved -> assertThat(bytesOf(document)).exists());
    }

    private StoredFile upload(TestRows rows, UUID client, String name) {
        byte[] text = ("signed by client " + client + "\n").getBytes(StandardCharsets.UTF_8);
        return files.upload(
                rows.orgId(), null, client, FilePurpose.CLIENT_DOCUMENT, name, new ByteArrayInputStream(text));
    }

    private Path bytesOf(StoredFile file) {
        String key = jdbc.sql("SELECT storage_key FROM files WHERE id = :id")
                .param("id", file.id())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new AssertionError("no file row " + file.id()));
        return STORAGE_ROOT.resolve(key);
    }

    private boolean deletionAudited(UUID fileId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_log WHERE action = 'file.deleted' AND entity_id = :id)")
                .param("id", fileId.toString())
                .query(Boolean.class)
                .single();
    }
}
