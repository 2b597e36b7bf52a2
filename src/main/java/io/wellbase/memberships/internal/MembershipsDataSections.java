package io.wellbase.memberships.internal;

import io.wellbase.clients.ClientDataContributor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The memberships module's part of a client's data-subject export. */
@Component
class MembershipsDataSections implements ClientDataContributor {

    private final MembershipService memberships;
    private final CreditLedger ledger;
    private final SalesService sales;

    MembershipsDataSections(MembershipService memberships, CreditLedger ledger, SalesService sales) {
        this.memberships = memberships;
        this.ledger = ledger;
        this.sales = sales;
    }

    @Override
    public Map<String, Object> exportFor(UUID organizationId, UUID clientId) {
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("memberships", memberships.forClient(organizationId, clientId));
        sections.put("credits", ledger.ofClient(organizationId, clientId));
        sections.put("sales", sales.ofClient(organizationId, clientId));
        sections.put("refunds", sales.refundsOfClient(organizationId, clientId));
        return sections;
    }
}
