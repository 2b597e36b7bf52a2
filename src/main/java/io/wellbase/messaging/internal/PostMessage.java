package io.wellbase.messaging.internal;

import io.wellbase.files.StoredFile;
import io.wellbase.files.StoredFiles;
import io.wellbase.messaging.MessagingProperties;
import io.wellbase.platform.data.Ids;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a participant's message: numbered under the conversation's lock, idempotent by the sender's
 * {@code clientMessageId} (a resend answers the first message), the sender's read mark moved past it, and its
 * live subscribers told after the commit.
 */
@Service
class PostMessage {

    private final ConversationStore conversations;
    private final MessageStore messages;
    private final StoredFiles files;
    private final LiveMessages live;
    private final MessagingProperties properties;
    private final io.wellbase.messaging.internal.support.FirstResponses firstResponses;
    private final AwayAlerts away;
    private final io.wellbase.messaging.internal.support.CrisisWatch crisis;

    PostMessage(
            ConversationStore conversations,
            MessageStore messages,
            StoredFiles files,
            LiveMessages live,
            MessagingProperties properties,
            io.wellbase.messaging.internal.support.FirstResponses firstResponses,
            AwayAlerts away,
            io.wellbase.messaging.internal.support.CrisisWatch crisis) {
        this.firstResponses = firstResponses;
        this.away = away;
        this.crisis = crisis;
        this.conversations = conversations;
        this.messages = messages;
        this.files = files;
        this.live = live;
        this.properties = properties;
    }

    record Draft(
            MessageType type,
            @Nullable String body,
            @Nullable UUID attachmentFileId,
            @Nullable String clientMessageId) {}

    sealed interface Outcome {}

    /** Written now ({@code fresh}), or the message an earlier send with the same clientMessageId wrote. */
    record Posted(MessageStore.Message message, boolean fresh) implements Outcome {}

    /** Why a message was not written; nothing was. */
    record Refused(Reason reason) implements Outcome {}

    enum Reason {
        EMPTY,
        TOO_LONG,
        ATTACHMENT_MISSING,
        ATTACHMENT_UNKNOWN,
        SAME_KEY_OTHER_MESSAGE
    }

    @Transactional
    Outcome post(UUID orgId, UUID senderId, UUID conversationId, Draft draft) {
        String body = draft.body() == null ? null : draft.body().strip();
        if (draft.type().needsAttachment() && draft.attachmentFileId() == null) {
            return new Refused(Reason.ATTACHMENT_MISSING);
        }
        if (!draft.type().needsAttachment() && (body == null || body.isEmpty())) {
            return new Refused(Reason.EMPTY);
        }
        if (body != null && body.length() > properties.maxBodyLength()) {
            return new Refused(Reason.TOO_LONG);
        }
        if (draft.attachmentFileId() != null
                && !attachable(orgId, senderId, draft.attachmentFileId(), conversationClient(orgId, conversationId))) {
            return new Refused(Reason.ATTACHMENT_UNKNOWN);
        }
        if (draft.clientMessageId() != null) {
            // under the conversation's lock, so that two sends of one key racing cannot both write
            conversations.lock(orgId, conversationId);
            Optional<MessageStore.Message> earlier =
                    messages.bySenderKey(orgId, conversationId, senderId, draft.clientMessageId());
            if (earlier.isPresent()) {
                return sameDraft(earlier.get(), draft, body)
                        ? new Posted(earlier.get(), false)
                        : new Refused(Reason.SAME_KEY_OTHER_MESSAGE);
            }
        }
        long seq = conversations.nextSeq(orgId, conversationId);
        MessageStore.Message written = messages.insert(
                orgId,
                new MessageStore.NewMessage(
                        Ids.newId(),
                        conversationId,
                        seq,
                        senderId,
                        draft.type(),
                        body,
                        draft.attachmentFileId(),
                        draft.clientMessageId()));
        conversations.markRead(orgId, conversationId, senderId, seq);
        firstResponses.sent(orgId, conversationId, senderId);
        crisis.inspect(orgId, conversationId, senderId, body);
        live.created(orgId, conversationId, seq);
        away.posted(orgId, conversationId, senderId, body);
        return new Posted(written, true);
    }

    private @Nullable UUID conversationClient(UUID orgId, UUID conversationId) {
        return conversations
                .find(orgId, conversationId)
                .map(ConversationStore.Conversation::clientId)
                .orElse(null);
    }

    /**
     * A file of the organization that the sender uploaded as an attachment, belonging to the same client as the
     * conversation (or to none, for a staff conversation): a file kept under one client never lands in another's.
     */
    private boolean attachable(UUID orgId, UUID senderId, UUID fileId, @Nullable UUID conversationClient) {
        return files.find(orgId, fileId)
                .filter(f -> senderId.equals(f.createdBy()))
                .filter(f -> java.util.Objects.equals(f.clientId(), conversationClient))
                .map(StoredFile::purpose)
                .filter(p -> p == io.wellbase.files.FilePurpose.ATTACHMENT)
                .isPresent();
    }

    private static boolean sameDraft(MessageStore.Message earlier, Draft draft, @Nullable String body) {
        return earlier.type().equals(draft.type().value())
                && java.util.Objects.equals(earlier.attachmentFileId(), draft.attachmentFileId())
                && (earlier.deletedAt() != null || java.util.Objects.equals(earlier.body(), body));
    }
}
