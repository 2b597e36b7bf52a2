package io.wellbase.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Conversations and messages through HTTP: only participants read and write, numbers are gap-free under
 * concurrent sends, a resend with the same clientMessageId is a no-op, edits and deletions are the sender's,
 * read marks and unread counts follow, and bad input changes nothing.
 */
class MessagingIntegrationTests extends MessagingTest {

    private Api.Response send(Chat c, String token, String body, String key) {
        Map<String, Object> request = new HashMap<>(Map.of("conversationId", c.conversation(), "body", body));
        if (key != null) {
            request.put("clientMessageId", key);
        }
        return api.post("/api/v1/messages", request, token);
    }

    @Test
    void theClientAndTheCoachTalkInNumberedMessagesAndReadMarksFollow() {
        Chat c = chat("Chat A");
        assertThat(api.get("/api/v1/conversations", c.clientToken())
                        .json()
                        .path("data")
                        .size())
                .as("the client is in it")
                .isEqualTo(1);

        Api.Response first = send(c, c.clientToken(), "Hi coach", "k1");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.field("seq")).isEqualTo("1");
        Api.Response again = send(c, c.clientToken(), "Hi coach", "k1");
        assertThat(again.status()).as("a resend answers the first").isEqualTo(200);
        assertThat(again.field("id")).isEqualTo(first.field("id"));
        Api.Response other = send(c, c.clientToken(), "Something else", "k1");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.field("code")).isEqualTo("message.key_reused");
        Api.Response reply = api.post(
                "/api/v1/conversations/" + c.conversation() + "/messages",
                Map.of("body", "Hello Cleo"),
                c.owner().token());
        assertThat(reply.field("seq")).isEqualTo("2");

        assertThat(api.get("/api/v1/messages/unread-count", c.clientToken()).field("count"))
                .isEqualTo("1");
        Api.Response page = api.get("/api/v1/conversations/" + c.conversation() + "/messages?after=0", c.clientToken());
        assertThat(page.json().path("data").findValuesAsString("body")).containsExactly("Hi coach", "Hello Cleo");
        assertThat(page.field("lastSeq")).isEqualTo("2");
        assertThat(api.get("/api/v1/conversations/" + c.conversation() + "/messages?after=1", c.clientToken())
                        .json()
                        .path("data")
                        .findValuesAsString("body"))
                .containsExactly("Hello Cleo");
        Api.Response read =
                api.post("/api/v1/conversations/" + c.conversation() + "/read", Map.of("seq", 99), c.clientToken());
        assertThat(read.field("readSeq")).as("never past the last message").isEqualTo("2");
        assertThat(api.get("/api/v1/messages/unread-count", c.clientToken()).field("count"))
                .isEqualTo("0");

        // edit and delete are the sender's; a deleted message stays as a tombstone with its number
        UUID replyId = UUID.fromString(reply.field("id"));
        Api.Response hijack = api.patch("/api/v1/messages/" + replyId, Map.of("body", "hijacked"), c.clientToken());
        assertThat(hijack.status()).isEqualTo(403);
        assertThat(hijack.field("code")).isEqualTo("message.not_yours");
        Api.Response edited = api.patch(
                "/api/v1/messages/" + replyId,
                Map.of("body", "Hello, Cleo!"),
                c.owner().token());
        assertThat(edited.field("editedAt")).isNotNull();
        assertThat(api.delete("/api/v1/messages/" + replyId, c.owner().token()).status())
                .isEqualTo(204);
        Api.Response afterDelete = api.patch(
                "/api/v1/messages/" + replyId, Map.of("body", "back"), c.owner().token());
        assertThat(afterDelete.status()).isEqualTo(409);
        assertThat(afterDelete.field("code")).isEqualTo("message.deleted");
        JsonNode tombstone = api.get(
                        "/api/v1/conversations/" + c.conversation() + "/messages?after=1",
                        c.owner().token())
                .json()
                .path("data")
                .get(0);
        assertThat(tombstone.path("seq").asLong()).isEqualTo(2);
        assertThat(tombstone.path("deletedAt").isMissingNode()).isFalse();
        assertThat(tombstone.path("body").isMissingNode()
                        || tombstone.path("body").isNull())
                .isTrue();
    }

    @Test
    void aParticipantWhoIsAwayIsToldOncePerUnreadStreak() throws Exception {
        Chat c = chat("Chat E");
        String newMessages = "/api/v1/notifications?category=messages";
        send(c, c.clientToken(), "Are you there?", null);
        assertThat(eventuallyCount(
                        () -> (long) api.get(newMessages, c.owner().token())
                                .json()
                                .path("data")
                                .size(),
                        1))
                .isEqualTo(1);
        assertThat(api.get(newMessages, c.owner().token())
                        .json()
                        .path("data")
                        .get(0)
                        .path("body")
                        .asString())
                .isEqualTo("Are you there?");
        assertThat(api.get(newMessages, c.clientToken()).json().path("data").size())
                .as("not the sender")
                .isZero();

        send(c, c.clientToken(), "Hello?", null);
        Thread.sleep(500);
        assertThat(api.get(newMessages, c.owner().token()).json().path("data").size())
                .as("one per unread streak")
                .isEqualTo(1);

        api.post(
                "/api/v1/conversations/" + c.conversation() + "/read",
                Map.of("seq", 2),
                c.owner().token());
        send(c, c.clientToken(), "Still there?", null);
        assertThat(eventuallyCount(
                        () -> (long) api.get(newMessages, c.owner().token())
                                .json()
                                .path("data")
                                .size(),
                        2))
                .as("read up, told again")
                .isEqualTo(2);
    }

    @Test
    void concurrentSendsGetGapFreeNumbers() throws Exception {
        Chat c = chat("Chat B");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Api.Response>> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            String token = n % 2 == 0 ? c.clientToken() : c.owner().token();
            sent.add(pool.submit(() -> send(c, token, "message " + n, "key-" + n)));
        }
        Set<Long> seqs = new TreeSet<>();
        for (Future<Api.Response> f : sent) {
            Api.Response r = f.get();
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            seqs.add(Long.parseLong(r.field("seq")));
        }
        pool.shutdown();
        assertThat(seqs).hasSize(40).first().isEqualTo(1L);
        assertThat(seqs).last().isEqualTo(40L);
    }

    @Test
    void onlyParticipantsSeeAConversationAndAnAdminReadingItIsAudited() {
        Chat c = chat("Chat C");
        send(c, c.clientToken(), "private words", null);
        Member staff = memberWithRole(c.owner(), "staff");
        Member admin = memberWithRole(c.owner(), "admin");
        String path = "/api/v1/conversations/" + c.conversation();
        assertThat(api.get(path, staff.token()).status()).as("staff not in it").isEqualTo(404);
        assertThat(api.get(path + "/messages", staff.token()).status()).isEqualTo(404);
        assertThat(send(c, staff.token(), "let me in", null).status()).isEqualTo(404);
        Owner stranger = ownerWithOrganization("Chat stranger");
        assertThat(api.get(path, stranger.token()).status())
                .as("another organization")
                .isEqualTo(404);
        assertThat(send(c, stranger.token(), "hello?", null).status()).isEqualTo(404);

        Api.Response asAdmin = api.get(path + "/messages", admin.token());
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.text()).contains("private words");
        assertThat(send(c, admin.token(), "admins read, they do not write", null)
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_log WHERE org_id = :org AND action = 'conversation.read_as_admin'")
                        .param("org", c.owner().orgId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // a participant added by staff reads it; removed, they no longer do
        Api.Response added = api.post(
                path + "/participants",
                Map.of("userId", staff.userId()),
                c.owner().token());
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(api.get(path + "/messages", staff.token()).status()).isEqualTo(200);
        assertThat(api.delete(
                                path + "/participants/" + staff.userId(),
                                c.owner().token())
                        .status())
                .isEqualTo(204);
        assertThat(api.get(path + "/messages", staff.token()).status()).isEqualTo(404);
        assertThat(api.post(
                                path + "/participants",
                                Map.of("userId", UUID.randomUUID()),
                                c.owner().token())
                        .status())
                .as("not a staff member")
                .isEqualTo(400);
        assertThat(api.post("/api/v1/conversations", Map.of("kind", "staff"), c.clientToken())
                        .status())
                .as("a client starts no conversation")
                .isEqualTo(403);
    }

    @Test
    void badMessagesAreRefusedAndWriteNothing() {
        Chat c = chat("Chat D");
        String big = "x".repeat(8001);
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("conversationId", c.conversation(), "body", ""),
                Map.of("conversationId", c.conversation(), "body", "   "),
                Map.of("conversationId", c.conversation(), "body", big),
                Map.of("conversationId", c.conversation(), "body", "hi", "type", "video"),
                Map.of("conversationId", c.conversation(), "type", "image"),
                Map.of("conversationId", c.conversation(), "type", "file", "attachmentFileId", UUID.randomUUID()),
                Map.of("body", "no conversation"))) {
            Api.Response r = api.post("/api/v1/messages", bad, c.clientToken());
            assertThat(r.status()).as(bad.keySet() + " → " + r).isEqualTo(400);
        }
        assertThat(api.post(
                                "/api/v1/conversations",
                                Map.of("kind", "client"),
                                c.owner().token())
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/conversations",
                                Map.of("kind", "party"),
                                c.owner().token())
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/conversations",
                                Map.of("kind", "client", "clientId", UUID.randomUUID()),
                                c.owner().token())
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/conversations/" + c.conversation() + "/messages?limit=0", c.clientToken())
                        .status())
                .isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE conversation_id = :c")
                        .param("c", c.conversation())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
