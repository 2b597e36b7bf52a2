package io.wellbase.identity.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.identity.IdentityProperties;
import io.wellbase.platform.data.Secrets;
import io.wellbase.platform.mail.AccountEmail;
import io.wellbase.platform.mail.OutboundMail;
import io.wellbase.platform.web.PublicUrl;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which Wellbase account a provider's sign-in is. Accounts are linked by (provider, subject). A new subject with a
 * verified email that no account has becomes a new account (no password, email verified); one whose email an
 * account has already is linked only once the owner proves it is theirs: signed in (a link started from their
 * account) or through the confirmation mail sent to that address. Nobody inherits an account by an email a provider
 * has not verified.
 */
@Service
class OAuthAccounts {

    static final String LOGIN_CODE = "oauth_login";

    /** What became of a sign-in with a provider. */
    sealed interface Outcome {
        /** Signed in: the front end exchanges the code for Wellbase's tokens. */
        record SignedIn(UUID userId, String code, boolean created) implements Outcome {}
        /** Linked to the signed-in user who asked for it. */
        record Linked(UUID userId) implements Outcome {}
        /** The email has an account already: a confirmation mail went to it. */
        record ConfirmationSent() implements Outcome {}
        /** The provider did not give a verified email, and the subject is not linked yet. */
        record EmailUnverified() implements Outcome {}
        /** The provider's account is linked to another Wellbase account. */
        record LinkedElsewhere() implements Outcome {}
    }

    /** A provider linked to an account, as the account's owner sees it. */
    record Identity(
            String provider,
            @Nullable String email,
            OffsetDateTime linkedAt,
            @Nullable OffsetDateTime lastUsedAt) {}

    private final JdbcClient jdbc;
    private final UserStore users;
    private final OneTimeTokenStore tokens;
    private final OutboundMail mail;
    private final PublicUrl publicUrl;
    private final AuditTrail audit;
    private final IdentityProperties properties;

    OAuthAccounts(
            JdbcClient jdbc,
            UserStore users,
            OneTimeTokenStore tokens,
            OutboundMail mail,
            PublicUrl publicUrl,
            AuditTrail audit,
            IdentityProperties properties) {
        this.jdbc = jdbc;
        this.users = users;
        this.tokens = tokens;
        this.mail = mail;
        this.publicUrl = publicUrl;
        this.audit = audit;
        this.properties = properties;
    }

    @Transactional
    Outcome signIn(OAuthProviderAccount account, @Nullable UUID linkUserId) {
        Optional<UUID> linked = linkedUser(account.provider(), account.subject());
        if (linkUserId != null) {
            if (linked.isPresent() && !linked.get().equals(linkUserId)) {
                return new Outcome.LinkedElsewhere();
            }
            if (linked.isEmpty() && !link(linkUserId, account)) {
                return new Outcome.LinkedElsewhere();
            }
            return new Outcome.Linked(linkUserId);
        }
        if (linked.isPresent()) {
            touch(account);
            return signedIn(linked.get(), account, false);
        }
        if (account.verifiedEmail() == null) {
            return new Outcome.EmailUnverified();
        }
        Optional<UserStore.UserRow> existing = users.findByEmail(account.verifiedEmail());
        if (existing.isPresent()) {
            sendConfirmation(existing.get(), account);
            return new Outcome.ConfirmationSent();
        }
        UUID id = users.insert(account.verifiedEmail(), null, account.firstName(), account.lastName(), null, true);
        audit.record(AuditRecord.of(
                null,
                "user.registered",
                "user",
                id,
                AuditChange.created(Map.of("email", account.verifiedEmail(), "provider", account.provider()))));
        link(id, account);
        return signedIn(id, account, true);
    }

    /** The user of a login code (single use, {@code wellbase.identity.oauth.code-ttl}). */
    Optional<UUID> redeemCode(String code) {
        return tokens.consume(code, LOGIN_CODE);
    }

    /** Links the provider of a confirmation mail to its account; the user, or empty when the token is not live. */
    @Transactional
    Optional<UUID> confirm(String token) {
        Optional<Map<String, Object>> pending =
                jdbc.sql("""
                UPDATE oauth_pending_links SET used_at = now()
                WHERE token_hash = :h AND used_at IS NULL AND expires_at > now()
                RETURNING user_id, provider, subject, email
                """).param("h", Secrets.sha256(token)).query().listOfRows().stream()
                        .findFirst();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        UUID userId = (UUID) pending.get().get("user_id");
        OAuthProviderAccount account = new OAuthProviderAccount(
                (String) pending.get().get("provider"),
                (String) pending.get().get("subject"),
                (String) pending.get().get("email"),
                "",
                "");
        Optional<UUID> linked = linkedUser(account.provider(), account.subject());
        if (linked.isPresent() && !linked.get().equals(userId)) {
            return Optional.empty();
        }
        if (linked.isEmpty() && !link(userId, account)) {
            return Optional.empty();
        }
        users.markEmailVerified(userId);
        return Optional.of(userId);
    }

    List<Identity> identities(UUID userId) {
        return jdbc.sql("""
                SELECT provider, email, linked_at, last_used_at FROM user_identities
                WHERE user_id = :u ORDER BY provider
                """)
                .param("u", userId)
                .query((rs, n) -> new Identity(
                        rs.getString("provider"),
                        rs.getString("email"),
                        rs.getObject("linked_at", OffsetDateTime.class),
                        rs.getObject("last_used_at", OffsetDateTime.class)))
                .list();
    }

    /** Outcome of an unlink. */
    enum Unlinked {
        DONE,
        NOT_LINKED,
        LAST_WAY_IN
    }

    @Transactional
    Unlinked unlink(UUID userId, String provider) {
        UserStore.UserRow user = users.findById(userId).orElseThrow();
        List<Identity> linked = identities(userId);
        if (linked.stream().noneMatch(i -> i.provider().equals(provider))) {
            return Unlinked.NOT_LINKED;
        }
        if (user.passwordHash() == null && linked.size() == 1) {
            return Unlinked.LAST_WAY_IN;
        }
        jdbc.sql("DELETE FROM user_identities WHERE user_id = :u AND provider = :p")
                .param("u", userId)
                .param("p", provider)
                .update();
        audit.record(AuditRecord.of(
                null, "user.provider_unlinked", "user", userId, Map.of("provider", new AuditChange(provider, null))));
        return Unlinked.DONE;
    }

    /** A single-use ticket that lets a signed-in user's browser start a link (10 minutes). */
    String linkTicket(UUID userId) {
        return tokens.issue(
                userId, OAuthAuthorizeCheck.LINK_TICKET, properties.oauth().requestTtl());
    }

    private Optional<UUID> linkedUser(String provider, String subject) {
        return jdbc.sql("SELECT user_id FROM user_identities WHERE provider = :p AND subject = :s")
                .param("p", provider)
                .param("s", subject)
                .query(UUID.class)
                .optional();
    }

    /** False when the user has this provider linked already with another subject. */
    private boolean link(UUID userId, OAuthProviderAccount account) {
        try {
            jdbc.sql("""
                    INSERT INTO user_identities (provider, subject, user_id, email, last_used_at)
                    VALUES (:p, :s, :u, :email, now())
                    """)
                    .param("p", account.provider())
                    .param("s", account.subject())
                    .param("u", userId)
                    .param("email", account.verifiedEmail())
                    .update();
        } catch (DuplicateKeyException e) {
            return false;
        }
        audit.record(AuditRecord.of(
                null,
                "user.provider_linked",
                "user",
                userId,
                Map.of("provider", new AuditChange(null, account.provider()))));
        return true;
    }

    private void touch(OAuthProviderAccount account) {
        jdbc.sql("UPDATE user_identities SET last_used_at = now() WHERE provider = :p AND subject = :s")
                .param("p", account.provider())
                .param("s", account.subject())
                .update();
    }

    private Outcome.SignedIn signedIn(UUID userId, OAuthProviderAccount account, boolean created) {
        audit.record(AuditRecord.of(
                null,
                "user.signed_in_with_provider",
                "user",
                userId,
                Map.of("provider", new AuditChange(null, account.provider()))));
        return new Outcome.SignedIn(
                userId, tokens.issue(userId, LOGIN_CODE, properties.oauth().codeTtl()), created);
    }

    private void sendConfirmation(UserStore.UserRow user, OAuthProviderAccount account) {
        String token = Secrets.newToken();
        jdbc.sql("""
                INSERT INTO oauth_pending_links (token_hash, user_id, provider, subject, email, expires_at)
                VALUES (:h, :u, :p, :s, :email, now() + make_interval(secs => :ttl))
                """)
                .param("h", Secrets.sha256(token))
                .param("u", user.id())
                .param("p", account.provider())
                .param("s", account.subject())
                .param("email", account.verifiedEmail())
                .param("ttl", properties.oauth().linkConfirmationTtl().toSeconds())
                .update();
        mail.enqueue(new AccountEmail(
                AccountEmail.Kind.SIGN_IN_LINK,
                user.email(),
                null,
                user.id(),
                user.language(),
                Map.of(
                        "firstName",
                        user.firstName(),
                        "provider",
                        providerName(account.provider()),
                        "link",
                        publicUrl.app() + "/link-sign-in?token=" + token,
                        "token",
                        token,
                        "minutes",
                        String.valueOf(properties.oauth().linkConfirmationTtl().toMinutes()))));
    }

    static String providerName(String provider) {
        return switch (provider) {
            case "google" -> "Google";
            case "github" -> "GitHub";
            default -> provider;
        };
    }
}
