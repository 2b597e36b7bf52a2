package io.wellbase.memberships.internal;

import io.wellbase.platform.data.OrganizationRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** This module's part in removing an organization: its own tables' rows of it. */
@Component
class MembershipsOrganizationRows extends OrganizationRows {

    MembershipsOrganizationRows(JdbcClient jdbc) {
        super(jdbc);
    }
}
