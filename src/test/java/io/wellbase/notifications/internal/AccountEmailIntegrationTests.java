package io.wellbase.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import io.wellbase.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Account emails (verification, password reset, invitations) go through the one notifications outbox and
 * the email channel, over real SMTP (GreenMail): plain text and HTML in the organization's look, in the
 * person's language, under the delivery's own Message-ID, and never shown with their token to admins.
 */
class AccountEmailIntegrationTests extends OrganizationTest {

    private MimeMessage awaitMail(String to, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        List<MimeMessage> received = TestSmtp.receivedBy(to);
        while (received.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            received = TestSmtp.receivedBy(to);
        }
        assertThat(received)
                .as("mails to " + to + "; outbox: "
                        + jdbc.sql("SELECT status || ' ' || attempts || ' ' || coalesce(last_error, '') FROM"
                                        + " notification_deliveries WHERE lower(recipient) = lower(:to)")
                                .param("to", to)
                                .query(String.class)
                                .list())
                .hasSize(count);
        return received.get(count - 1);
    }

    private Map<String, Object> delivery(String to, String type) {
        return jdbc.sql("""
                SELECT id, status, attempts, org_id, category, subject FROM notification_deliveries
                WHERE lower(recipient) = lower(:to) AND type = :type ORDER BY created_at DESC LIMIT 1
                """).param("to", to).param("type", type).query().singleRow();
    }

    @Test
    void theVerificationMailCrossesSmtpAsTextAndHtmlUnderTheDeliverysMessageId() throws Exception {
        Account account = register("account-mail");

        MimeMessage mail = awaitMail(account.email(), 1);

        assertThat(mail.getSubject()).isEqualTo("Confirm your email address");
        String token = tokenIn(TestSmtp.text(mail));
        assertThat(TestSmtp.text(mail)).contains("/verify-email?token=" + token);
        assertThat(TestSmtp.html(mail))
                .contains("<a href=\"")
                .contains("/verify-email?token=" + token)
                .contains("Wellbase");
        Map<String, Object> row = delivery(account.email(), "account.email_verification");
        assertThat(row.get("status")).isEqualTo("sent");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("org_id"))
                .as("an account mail belongs to no organization")
                .isNull();
        assertThat(row.get("category")).isEqualTo("account");
        assertThat(TestSmtp.header(mail, "Message-ID")).startsWith("<" + row.get("id") + "@");
        assertThat(TestSmtp.header(mail, "List-Unsubscribe"))
                .as("critical: no unsubscribe")
                .isNull();
        // the token works: the mail is the real thing
        assertThat(api.post("/api/v1/auth/email-verification/confirm", Map.of("token", token), null)
                        .status())
                .isEqualTo(204);
    }

    @Test
    void aPasswordResetIsWrittenInThePersonsOwnLanguage() throws Exception {
        Account account = register("account-de");
        awaitMail(account.email(), 1);
        Api.Response profile =
                api.patch("/api/v1/users/me/profile", Map.of("language", "de-AT"), account.accessToken());
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);

        assertThat(api.post("/api/v1/auth/password-reset", Map.of("email", account.email()), null)
                        .status())
                .isEqualTo(202);

        MimeMessage mail = awaitMail(account.email(), 2);
        assertThat(mail.getSubject()).isEqualTo("Dein Wellbase-Passwort zurücksetzen");
        assertThat(TestSmtp.text(mail)).contains("Hallo Test,").contains("/reset-password?token=");
        assertThat(delivery(account.email(), "account.password_reset").get("status"))
                .isEqualTo("sent");
    }

    @Test
    void anInvitationCarriesTheOrganizationsLookAndHidesItsTokenFromAdmins() throws Exception {
        Owner owner = ownerWithOrganization("Brand Studio");
        Api.Response settings = api.put(
                "/api/v1/notifications/settings",
                Map.of(
                        "reminderOffsetMinutes",
                        List.of(1440),
                        "disabledCategories",
                        List.of(),
                        "logoUrl",
                        "https://cdn.example/brand-logo.png",
                        "brandColor",
                        "#AA3366"),
                owner.token());
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);
        assertThat(settings.field("brandColor")).isEqualTo("#aa3366");
        String email = uniqueEmail("invitee");

        String token = invite(owner.token(), email, "front_desk");

        MimeMessage mail = awaitMail(email, 1);
        assertThat(mail.getSubject()).isEqualTo("You are invited to Brand Studio on Wellbase");
        assertThat(TestSmtp.text(mail)).contains("as front_desk").contains("Token: " + token);
        assertThat(TestSmtp.html(mail))
                .contains("<img src=\"https://cdn.example/brand-logo.png\" alt=\"Brand Studio\"")
                .contains("background:#aa3366");
        UUID id = (UUID) delivery(email, "account.invitation").get("id");
        Api.Response shown = api.get("/api/v1/notifications/deliveries/" + id, owner.token());
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.field("type")).isEqualTo("account.invitation");
        assertThat(shown.text()).doesNotContain(token);
        assertThat(shown.field("body"))
                .as("an account mail's body is not shown")
                .isNull();
    }

    @Test
    void aLogoThatIsNotHttpsOrAColourThatIsNotOneIsRefusedAndChangesNothing() {
        Owner owner = ownerWithOrganization("Brand Refusals");
        for (Map<String, Object> bad : List.of(
                Map.<String, Object>of("logoUrl", "http://cdn.example/logo.png"),
                Map.<String, Object>of("logoUrl", "javascript:alert(1)"),
                Map.<String, Object>of("brandColor", "red"),
                Map.<String, Object>of("brandColor", "#12345"))) {
            Map<String, Object> request = new java.util.HashMap<>(
                    Map.of("reminderOffsetMinutes", List.of(60), "disabledCategories", List.of()));
            request.putAll(bad);
            Api.Response r = api.put("/api/v1/notifications/settings", request, owner.token());
            assertThat(r.status()).as(bad + " → " + r).isEqualTo(400);
        }
        Api.Response now = api.get("/api/v1/notifications/settings", owner.token());
        assertThat(now.json().get("reminderOffsetMinutes").toString()).isEqualTo("[1440,120]");
        assertThat(now.field("logoUrl")).isNull();
    }
}
