package io.wellbase.insights.internal.churn;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.insights.ChurnStudio;
import io.wellbase.support.OrganizationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The churn features count the messages a client wrote to the studio, from messaging's published views: the
 * 30 days before the day and the 60 before those, without the studio's own messages, deleted ones, older ones
 * or another organization's; a client who stopped writing is told so among the reasons.
 */
class ChurnMessageFeaturesIntegrationTests extends OrganizationTest {

    @Autowired
    FeatureQuery features;

    private int seq;

    @Test
    void aClientsOwnMessagesAreCountedByWindow() {
        Owner owner = ownerWithOrganization("Message Features Studio");
        Owner other = ownerWithOrganization("Other Message Studio");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        new ChurnStudio(jdbc, owner.orgId(), today, 7).generate(40);
        List<Features> before = features.asOf(owner.orgId(), List.of(today));
        assertThat(before).hasSizeGreaterThanOrEqualTo(2);
        UUID quiet = before.get(0).clientId();
        UUID chatty = before.get(1).clientId();

        UUID quietUser = UUID.randomUUID();
        UUID staff = UUID.randomUUID();
        UUID quietChat = conversation(owner.orgId(), quiet, quietUser, staff);
        write(owner.orgId(), quietChat, quietUser, today.minusDays(40), false);
        write(owner.orgId(), quietChat, quietUser, today.minusDays(50), false);
        write(owner.orgId(), quietChat, quietUser, today.minusDays(85), false);
        write(owner.orgId(), quietChat, quietUser, today.minusDays(95), false); // before both windows
        write(owner.orgId(), quietChat, quietUser, today.minusDays(45), true); // deleted
        write(owner.orgId(), quietChat, staff, today.minusDays(10), false); // the studio's, not the client's
        UUID chattyUser = UUID.randomUUID();
        UUID chattyChat = conversation(owner.orgId(), chatty, chattyUser, staff);
        write(owner.orgId(), chattyChat, chattyUser, today.minusDays(5), false);
        write(owner.orgId(), chattyChat, chattyUser, today.minusDays(20), false);
        write(owner.orgId(), chattyChat, chattyUser, today.minusDays(60), false);
        write(owner.orgId(), chattyChat, chattyUser, today.plusDays(1), false); // after the day
        UUID elsewhere = conversation(other.orgId(), quiet, quietUser, UUID.randomUUID());
        write(other.orgId(), elsewhere, quietUser, today.minusDays(3), false);

        Map<UUID, Features> after = features.asOf(owner.orgId(), List.of(today)).stream()
                .collect(Collectors.toMap(Features::clientId, f -> f));
        assertThat(after).hasSameSizeAs(before);
        Features.Facts q = after.get(quiet).facts();
        assertThat(List.of(q.messagesLast30(), q.messagesPrevious60())).containsExactly(0, 3);
        Features.Facts c = after.get(chatty).facts();
        assertThat(List.of(c.messagesLast30(), c.messagesPrevious60())).containsExactly(2, 1);
        int last30 = Features.NAMES.indexOf("messagesLast30");
        assertThat(after.get(chatty).values()[last30]).isEqualTo(2.0);
        assertThat(after.get(chatty).values()[Features.NAMES.indexOf("messageTrend")])
                .isEqualTo(1.5);
        // the reason in words, for a client whose other figures give no reason (the top three would hide it)
        assertThat(Reasons.of(steady(q), new double[0]))
                .containsExactly("stopped writing (1.5 messages a month before, none in 30 days)");
        assertThat(Reasons.of(steady(c), new double[0])).isEmpty();
        after.values().stream()
                .filter(f -> !f.clientId().equals(quiet) && !f.clientId().equals(chatty))
                .forEach(f -> assertThat(f.values()[last30])
                        .as("a client who wrote nothing")
                        .isZero());
    }

    /** A steady member's figures with the message counts of {@code f}. */
    private static Features steady(Features.Facts f) {
        Features.Facts facts = new Features.Facts(
                2, 3.0, 10, 20, 300, true, 100, true, false, 0, 0, 0, 0, f.messagesLast30(), f.messagesPrevious60());
        return Features.of(UUID.randomUUID(), LocalDate.now(), facts, false, 24);
    }

    private UUID conversation(UUID org, UUID client, UUID clientUser, UUID staff) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO conversations (id, org_id, kind, client_id, created_by) VALUES (:id, :org, 'client', :c, :s)")
                .param("id", id)
                .param("org", org)
                .param("c", client)
                .param("s", staff)
                .update();
        for (Object[] p : List.of(new Object[] {clientUser, "client"}, new Object[] {staff, "staff"})) {
            jdbc.sql("""
                    INSERT INTO conversation_participants (org_id, conversation_id, user_id, role)
                    VALUES (:org, :c, :u, :role)""")
                    .param("org", org)
                    .param("c", id)
                    .param("u", p[0])
                    .param("role", p[1])
                    .update();
        }
        return id;
    }

    private void write(UUID org, UUID conversation, UUID sender, LocalDate day, boolean deleted) {
        jdbc.sql("""
                INSERT INTO messages (id, org_id, conversation_id, seq, sender_id, type, body, created_at, deleted_at)
                VALUES (gen_random_uuid(), :org, :c, :seq, :sender, 'text', 'hello', :at, CASE WHEN :deleted THEN now() END)
                """)
                .param("org", org)
                .param("c", conversation)
                .param("seq", ++seq)
                .param("sender", sender)
                .param("at", day.atTime(11, 0).atOffset(ZoneOffset.UTC))
                .param("deleted", deleted)
                .update();
    }
}
