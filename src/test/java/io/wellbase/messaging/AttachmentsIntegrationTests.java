package io.wellbase.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.TestImages;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A conversation's attachments: a participant (the client too) uploads one and sends it; the conversation's
 * participants download it by a signed link; anyone else, and another organization, gets a 404.
 */
class AttachmentsIntegrationTests extends MessagingTest {

    @Test
    void aClientSendsAnImageThatOnlyTheConversationsParticipantsDownload() throws IOException {
        Chat c = chat("Attach A");
        String attachments = "/api/v1/conversations/" + c.conversation() + "/attachments";
        byte[] png = TestImages.png();
        Api.Response uploaded = api.upload(attachments, Map.of(), "progress.png", png, c.clientToken());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.field("contentType")).isEqualTo("image/png");
        String fileId = uploaded.field("fileId");

        Api.Response sent = api.post(
                "/api/v1/conversations/" + c.conversation() + "/messages",
                Map.of("type", "image", "body", "my progress", "attachmentFileId", fileId),
                c.clientToken());
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        String message = sent.field("id");

        Api.Response link =
                api.get("/api/v1/messages/" + message + "/attachment", c.owner().token());
        assertThat(link.status()).as(link.toString()).isEqualTo(200);
        assertThat(link.field("filename")).isEqualTo("progress.png");
        HttpResponse<byte[]> download = Api.download(link.field("url"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(png);

        // a colleague who is not in the conversation, another organization: nothing
        Member colleague = memberWithRole(c.owner(), "staff");
        assertThat(api.get("/api/v1/messages/" + message + "/attachment", colleague.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.upload(attachments, Map.of(), "mine.png", png, colleague.token())
                        .status())
                .as("only participants upload to it")
                .isEqualTo(404);
        Owner other = ownerWithOrganization("Attach elsewhere");
        assertThat(api.get("/api/v1/messages/" + message + "/attachment", other.token())
                        .status())
                .isEqualTo(404);

        // a file kept under this client cannot be sent into a conversation of another client (or a staff one)
        String owners = api.upload(
                        attachments, Map.of(), "plan.png", png, c.owner().token())
                .field("fileId");
        String team = api.post(
                        "/api/v1/conversations",
                        Map.of("kind", "staff", "title", "Team"),
                        c.owner().token())
                .field("conversation.id");
        assertThat(api.post(
                                "/api/v1/conversations/" + team + "/messages",
                                Map.of("type", "image", "attachmentFileId", owners),
                                c.owner().token())
                        .status())
                .isEqualTo(400);

        // a message without an attachment has none; a file that is no document or image is refused
        String text = api.post(
                        "/api/v1/conversations/" + c.conversation() + "/messages",
                        Map.of("body", "plain"),
                        c.clientToken())
                .field("id");
        assertThat(api.get("/api/v1/messages/" + text + "/attachment", c.owner().token())
                        .status())
                .isEqualTo(404);
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0};
        assertThat(api.upload(attachments, Map.of(), "tool.exe", program, c.clientToken())
                        .status())
                .isEqualTo(415);
    }
}
