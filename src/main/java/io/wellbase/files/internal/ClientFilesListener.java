package io.wellbase.files.internal;

import io.wellbase.clients.ClientErased;
import io.wellbase.clients.ClientsMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps client files with their client: a merge moves them to the surviving record (in the merge's
 * transaction); an erasure deletes them, bytes and all, once the erasure has committed (retried by
 * the event registry if storage is down).
 */
@Component
class ClientFilesListener {

    private final FileRecords records;
    private final FileKeeper keeper;

    ClientFilesListener(FileRecords records, FileKeeper keeper) {
        this.records = records;
        this.keeper = keeper;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ClientsMerged merged) {
        records.moveToClient(merged.organizationId(), merged.mergedId(), merged.survivorId());
    }

    @ApplicationModuleListener
    void on(ClientErased erased) {
        records.ofClient(erased.organizationId(), erased.clientId()).forEach(row -> keeper.forget(row, null));
    }
}
