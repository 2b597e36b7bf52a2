package io.wellbase.dataexchange.internal.imports;

import org.springframework.stereotype.Component;

/** Memberships and contracts (Mindbody's autopay contracts and memberships). */
@Component
class MembershipsImport extends PlanHoldingsImport {

    @Override
    public ImportKind kind() {
        return ImportKind.MEMBERSHIPS;
    }

    @Override
    String entityType() {
        return "membership";
    }

    @Override
    String planKind() {
        return "unlimited";
    }
}
