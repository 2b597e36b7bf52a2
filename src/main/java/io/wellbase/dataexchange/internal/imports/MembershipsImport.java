package io.wellbase.dataexchange.internal.imports;

import io.wellbase.clients.ClientImports;
import io.wellbase.memberships.MembershipImports;
import org.springframework.stereotype.Component;

/** Memberships and contracts (Mindbody's autopay contracts and memberships). */
@Component
class MembershipsImport extends PlanHoldingsImport {

    MembershipsImport(ClientImports clients, MembershipImports memberships) {
        super(clients, memberships);
    }

    @Override
    public ImportKind kind() {
        return ImportKind.MEMBERSHIPS;
    }

    @Override
    MembershipImports.Holding holding() {
        return MembershipImports.Holding.MEMBERSHIP;
    }
}
