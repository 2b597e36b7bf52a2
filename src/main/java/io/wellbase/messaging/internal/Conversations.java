package io.wellbase.messaging.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.organizations.Locations;
import io.wellbase.platform.data.Ids;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starting conversations and changing who is in them; staff do both. */
@Service
class Conversations {

    private final ConversationStore store;
    private final Locations staff;
    private final ClientDirectory clients;
    private final ClientAccounts accounts;
    private final AuditTrail audit;
    private final ConversationEvents events;

    Conversations(
            ConversationStore store,
            Locations staff,
            ClientDirectory clients,
            ClientAccounts accounts,
            AuditTrail audit,
            ConversationEvents events) {
        this.store = store;
        this.staff = staff;
        this.clients = clients;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
    }

    /** What a start asks for. */
    record Start(
            ConversationKind kind,
            @Nullable String title,
            @Nullable UUID clientId,
            List<UUID> staffIds) {}

    /** The outcome of a start or a change of participants. */
    sealed interface Outcome {}

    record Done(ConversationStore.Conversation conversation) implements Outcome {}

    /** An id that is not a staff member, or a client that is not the organization's. */
    record UnknownPerson(String field, UUID id) implements Outcome {}

    @Transactional
    Outcome start(UUID orgId, UUID by, Start start) {
        Set<UUID> members = new LinkedHashSet<>();
        members.add(by);
        for (UUID id : start.staffIds()) {
            if (!staff.isStaff(orgId, id)) {
                return new UnknownPerson("staffIds", id);
            }
            members.add(id);
        }
        UUID clientUser = null;
        if (start.kind() == ConversationKind.CLIENT) {
            if (start.clientId() == null
                    || clients.find(orgId, start.clientId()).isEmpty()) {
                return new UnknownPerson("clientId", start.clientId() == null ? by : start.clientId());
            }
            clientUser = accounts.userOf(orgId, start.clientId()).orElse(null);
        }
        UUID id = Ids.newId();
        store.insert(
                orgId,
                id,
                start.kind(),
                start.title(),
                start.kind() == ConversationKind.CLIENT ? start.clientId() : null,
                by);
        members.forEach(m -> store.addParticipant(orgId, id, m, "staff"));
        if (clientUser != null) {
            store.addParticipant(orgId, id, clientUser, "client");
            members.add(clientUser);
        }
        events.started(orgId, id, List.copyOf(members));
        audit.record(AuditRecord.of(
                orgId,
                "conversation.created",
                "conversation",
                id,
                Map.of(
                        "kind",
                        new AuditChange(null, start.kind().value()),
                        "participants",
                        new AuditChange(null, members.size()))));
        return new Done(store.find(orgId, id).orElseThrow());
    }

    @Transactional
    Outcome addStaff(UUID orgId, ConversationStore.Conversation conversation, UUID userId) {
        if (!staff.isStaff(orgId, userId)) {
            return new UnknownPerson("userId", userId);
        }
        if (store.addParticipant(orgId, conversation.id(), userId, "staff")) {
            events.added(orgId, conversation.id(), userId);
            audit.record(AuditRecord.of(
                    orgId,
                    "conversation.participant_added",
                    "conversation",
                    conversation.id(),
                    Map.of("userId", new AuditChange(null, userId.toString()))));
        }
        return new Done(conversation);
    }

    @Transactional
    boolean remove(UUID orgId, ConversationStore.Conversation conversation, UUID userId) {
        boolean removed = store.removeParticipant(orgId, conversation.id(), userId);
        if (removed) {
            events.removed(orgId, conversation.id(), userId);
            audit.record(AuditRecord.of(
                    orgId,
                    "conversation.participant_removed",
                    "conversation",
                    conversation.id(),
                    Map.of("userId", new AuditChange(userId.toString(), null))));
        }
        return removed;
    }
}
