package io.wellbase.audit.internal;

import io.wellbase.platform.data.OrganizationRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** This module's part in removing an organization: its own tables' rows of it. */
@Component
class AuditOrganizationRows extends OrganizationRows {

    AuditOrganizationRows(JdbcClient jdbc) {
        super(jdbc);
    }
}
