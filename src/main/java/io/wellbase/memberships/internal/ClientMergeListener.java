package io.wellbase.memberships.internal;

import io.wellbase.clients.ClientsMerged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Moves a merged client's memberships, credits and sales to the surviving record, in the merge's
 * own transaction so a merge is never half done.
 */
@Component
class ClientMergeListener {

    private final JdbcClient jdbc;

    ClientMergeListener(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ClientsMerged merged) {
        for (String table : new String[] {"client_memberships", "credit_ledger", "sales"}) {
            jdbc.sql("UPDATE " + table + " SET client_id = :to WHERE org_id = :org AND client_id = :from")
                    .param("to", merged.survivorId())
                    .param("from", merged.mergedId())
                    .param("org", merged.organizationId())
                    .update();
        }
    }
}
