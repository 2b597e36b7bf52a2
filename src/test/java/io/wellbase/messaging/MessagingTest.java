package io.wellbase.messaging;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.util.Map;
import java.util.UUID;

/** Messaging tests: an organization, a client with a portal account, and a conversation between them. */
abstract class MessagingTest extends OrganizationTest {

    record Chat(Owner owner, UUID client, String clientToken, UUID conversation) {}

    protected Chat chat(String name) {
        Owner owner = ownerWithOrganization(name);
        String email = uniqueEmail("chat-client");
        UUID client = api.post(
                        "/api/v1/clients",
                        Map.of("firstName", "Cleo", "lastName", "Chat", "email", email),
                        owner.token())
                .id();
        String clientToken = portalToken(owner, client, email);
        Api.Response started = api.post(
                "/api/v1/conversations",
                Map.of("kind", "client", "clientId", client, "title", "Coaching"),
                owner.token());
        if (started.status() != 201) {
            throw new AssertionError(started.toString());
        }
        return new Chat(owner, client, clientToken, UUID.fromString(started.field("conversation.id")));
    }

    /** The status of the organization's only counselor, as staff see it. */
    protected String counselorStatus(Owner owner) {
        return api.get("/api/v1/chat/counselors", owner.token())
                .json()
                .path("data")
                .get(0)
                .path("status")
                .asString();
    }
}
