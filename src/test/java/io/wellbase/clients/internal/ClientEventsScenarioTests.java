package io.wellbase.clients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.clients.ClientErased;
import io.wellbase.clients.ClientsMerged;
import io.wellbase.identity.OrganizationDirectory;
import io.wellbase.support.ModuleScenarioTest;
import io.wellbase.support.TestRows;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The publishing side of the client flows whose listeners live in scheduling, memberships and
 * files: a merge publishes {@link ClientsMerged} with the survivor and the duplicate the right way
 * round, an erasure publishes {@link ClientErased}. (In this package because the merge and the
 * erasure are package-private services.)
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class ClientEventsScenarioTests extends ModuleScenarioTest {

    /** Implemented by organizations, which depends on clients and so is outside this module's bootstrap. */
    @MockitoBean
    OrganizationDirectory organizations;

    /** Implemented by organizations, outside this bootstrap; only the demo data asks for it. */
    @MockitoBean
    io.wellbase.platform.demo.DemoStudio demoStudio;

    @Autowired
    ClientMerge merge;

    @Autowired
    ClientService clients;

    @Test
    void mergingPublishesClientsMergedNamingSurvivorAndDuplicate(Scenario scenario) {
        TestRows rows = rows();
        UUID survivor = rows.client("Survivor");
        UUID duplicate = rows.client("Duplicate");

        scenario.stimulate(() -> merge.merge(rows.orgId(), survivor, duplicate))
                .andWaitForEventOfType(ClientsMerged.class)
                .matching(merged -> merged.organizationId().equals(rows.orgId()))
                .toArriveAndVerify((merged, view) -> {
                    assertThat(merged.survivorId()).isEqualTo(survivor).isEqualTo(view.id());
                    assertThat(merged.mergedId()).isEqualTo(duplicate);
                    assertThat(mergedInto(duplicate)).isEqualTo(survivor);
                });
    }

    @Test
    void erasingPublishesClientErasedAfterTheRecordIsAnonymised(Scenario scenario) {
        TestRows rows = rows();
        UUID client = rows.client("Ada");

        scenario.stimulate(() -> clients.erase(rows.orgId(), client))
                .andWaitForEventOfType(ClientErased.class)
                .matching(erased -> erased.organizationId().equals(rows.orgId()))
                .toArriveAndVerify(erased -> {
                    assertThat(erased.clientId()).isEqualTo(client);
                    assertThat(firstName(client)).isEqualTo("Erased");
                    assertThat(erasedAt(client)).isTrue();
                });
    }

    private UUID mergedInto(UUID client) {
        return jdbc.sql("SELECT merged_into_id FROM clients WHERE id = :id")
                .param("id", client)
                .query(UUID.class)
                .single();
    }

    private boolean erasedAt(UUID client) {
        return jdbc.sql("SELECT erased_at IS NOT NULL FROM clients WHERE id = :id")
                .param("id", client)
                .query(Boolean.class)
                .single();
    }

    private String firstName(UUID client) {
        return jdbc.sql("SELECT first_name FROM clients WHERE id = :id")
                .param("id", client)
                .query(String.class)
                .single();
    }
}
