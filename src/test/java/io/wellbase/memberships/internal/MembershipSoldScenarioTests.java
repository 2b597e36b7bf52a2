package io.wellbase.memberships.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.memberships.MembershipSold;
import io.wellbase.memberships.PlanScope;
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
 * Selling a plan publishes {@link MembershipSold} naming the membership, client, plan and sale that
 * the sale wrote. (In this package because the selling service is package-private.)
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class MembershipSoldScenarioTests extends ModuleScenarioTest {

    /** Implemented by scheduling, which depends on memberships and so is outside this module's bootstrap. */
    @MockitoBean
    PlanScope planScope;

    @Autowired
    MembershipService memberships;

    @Test
    void sellingAPlanPublishesMembershipSoldForThatSale(Scenario scenario) {
        TestRows rows = rows();
        UUID plan = rows.classPack();
        UUID client = rows.client("Buyer");
        UUID otherClient = rows.client("Other");
        rows.membership(otherClient, plan, 10);

        scenario.stimulate(() -> memberships.sell(
                        rows.orgId(), client, new MembershipService.Sell(plan, null, "cash", 0, 0, null, null)))
                .andWaitForEventOfType(MembershipSold.class)
                .matching(sold -> sold.clientId().equals(client))
                .toArriveAndVerify((sold, view) -> {
                    assertThat(sold.organizationId()).isEqualTo(rows.orgId());
                    assertThat(sold.membershipId()).isEqualTo(view.id());
                    assertThat(sold.planId()).isEqualTo(plan);
                    assertThat(rows.clientOf("client_memberships", sold.membershipId()))
                            .isEqualTo(client);
                    assertThat(rows.clientOf("sales", sold.saleId()))
                            .as("the event names the sale it recorded")
                            .isEqualTo(client);
                    assertThat(saleItemMembership(sold.saleId())).isEqualTo(sold.membershipId());
                });
    }

    private UUID saleItemMembership(UUID sale) {
        return jdbc.sql("SELECT membership_id FROM sale_items WHERE sale_id = :s")
                .param("s", sale)
                .query(UUID.class)
                .single();
    }
}
