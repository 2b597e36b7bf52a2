package io.wellbase.memberships;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.clients.ClientsMerged;
import io.wellbase.support.ModuleScenarioTest;
import io.wellbase.support.TestRows;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Memberships' side of a client merge ({@link ClientsMerged}, published by the clients module): the
 * merged client's memberships, credits and sales move to the survivor, so the survivor's balance
 * and revenue history include them, and nobody else's rows move.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class ClientMergeScenarioTests extends ModuleScenarioTest {

    /** Implemented by scheduling, which depends on memberships and so is outside this module's bootstrap. */
    @MockitoBean
    PlanScope planScope;

    @Test
    void aMergeMovesMembershipsCreditsAndSalesToTheSurvivor(Scenario scenario) {
        TestRows rows = rows();
        UUID plan = rows.classPack();
        UUID survivor = rows.client("Survivor");
        UUID merged = rows.client("Duplicate");
        UUID bystander = rows.client("Bystander");
        UUID survivorsPack = rows.membership(survivor, plan, 10);
        UUID mergedPack = rows.membership(merged, plan, 4);
        UUID bystandersPack = rows.membership(bystander, plan, 10);
        UUID mergedSale = rows.sale(merged);
        UUID bystandersSale = rows.sale(bystander);

        scenario.publish(new ClientsMerged(rows.orgId(), survivor, merged))
                .andWaitForStateChange(() -> rows.clientOf("client_memberships", mergedPack), survivor::equals)
                .andVerify(moved -> {
                    assertThat(rows.clientOf("sales", mergedSale)).isEqualTo(survivor);
                    assertThat(ledgerClients(mergedPack)).containsOnly(survivor);
                    assertThat(credits(survivor))
                            .as("the survivor's balance includes the merged pack")
                            .isEqualTo(14);
                    assertThat(credits(merged)).isZero();
                    assertThat(rows.clientOf("client_memberships", survivorsPack))
                            .isEqualTo(survivor);
                    assertThat(rows.clientOf("client_memberships", bystandersPack))
                            .isEqualTo(bystander);
                    assertThat(rows.clientOf("sales", bystandersSale)).isEqualTo(bystander);
                });
    }

    private List<UUID> ledgerClients(UUID membership) {
        return jdbc.sql("SELECT client_id FROM credit_ledger WHERE membership_id = :m")
                .param("m", membership)
                .query(UUID.class)
                .list();
    }

    private long credits(UUID client) {
        return jdbc.sql("SELECT coalesce(sum(delta), 0) FROM credit_ledger WHERE client_id = :c")
                .param("c", client)
                .query(Long.class)
                .single();
    }
}
