package io.wellbase.care.internal;

import io.wellbase.clients.ClientErased;
import io.wellbase.clients.ClientsMerged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** A client record erased takes its care data with it; merged records keep theirs under the survivor. */
@Component
class CareClientListener {

    private final CareData data;

    CareClientListener(CareData data) {
        this.data = data;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(ClientsMerged merged) {
        data.merge(merged.organizationId(), merged.survivorId(), merged.mergedId());
    }

    @ApplicationModuleListener
    void on(ClientErased erased) {
        data.erase(erased.organizationId(), erased.clientId());
    }
}
