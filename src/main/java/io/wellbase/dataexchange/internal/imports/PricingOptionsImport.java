package io.wellbase.dataexchange.internal.imports;

import io.wellbase.clients.ClientImports;
import io.wellbase.memberships.MembershipImports;
import org.springframework.stereotype.Component;

/** Pricing options: class packs with the classes that remain and their expiry. */
@Component
class PricingOptionsImport extends PlanHoldingsImport {

    PricingOptionsImport(ClientImports clients, MembershipImports memberships) {
        super(clients, memberships);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.PRICING_OPTIONS;
    }

    @Override
    MembershipImports.Holding holding() {
        return MembershipImports.Holding.PRICING_OPTION;
    }
}
