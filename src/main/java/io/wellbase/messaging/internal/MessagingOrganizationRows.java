package io.wellbase.messaging.internal;

import io.wellbase.platform.data.OrganizationRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** This module's part in removing an organization: its own tables' rows of it. */
@Component
class MessagingOrganizationRows extends OrganizationRows {

    MessagingOrganizationRows(JdbcClient jdbc) {
        super(jdbc);
    }
}
