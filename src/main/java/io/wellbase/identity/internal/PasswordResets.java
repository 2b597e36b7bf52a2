package io.wellbase.identity.internal;

import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.identity.IdentityProperties;
import io.wellbase.platform.mail.AccountEmail;
import io.wellbase.platform.mail.OutboundMail;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PublicUrl;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by a single-use emailed token valid one hour. Requesting one never reveals whether
 * the email has an account; setting a new password ends every session.
 */
@Service
class PasswordResets {

    private final UserStore users;
    private final OneTimeTokenStore tokens;
    private final RefreshTokenStore refreshTokens;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final OutboundMail mail;
    private final IdentityProperties properties;
    private final PublicUrl publicUrl;
    private final AuditTrail audit;

    PasswordResets(
            UserStore users,
            OneTimeTokenStore tokens,
            RefreshTokenStore refreshTokens,
            PasswordHasher hasher,
            PasswordPolicy policy,
            OutboundMail mail,
            IdentityProperties properties,
            PublicUrl publicUrl,
            AuditTrail audit) {
        this.users = users;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.policy = policy;
        this.mail = mail;
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.audit = audit;
    }

    @Transactional
    public void request(String email) {
        users.findByEmail(email).ifPresent(user -> {
            String token = tokens.issue(user.id(), OneTimeTokenStore.PASSWORD_RESET, properties.passwordResetTtl());
            mail.enqueue(new AccountEmail(
                    AccountEmail.Kind.PASSWORD_RESET,
                    user.email(),
                    null,
                    user.id(),
                    user.language(),
                    Map.of(
                            "firstName",
                            user.firstName(),
                            "link",
                            publicUrl.app() + "/reset-password?token=" + token,
                            "token",
                            token,
                            "minutes",
                            String.valueOf(properties.passwordResetTtl().toMinutes()))));
        });
    }

    @Transactional
    public void confirm(String token, String newPassword) {
        UUID userId = tokens.consume(token, OneTimeTokenStore.PASSWORD_RESET)
                .orElseThrow(() ->
                        ApiException.badRequest("auth.invalid_token", "The reset link is invalid, used or expired"));
        UserStore.UserRow user = users.findById(userId)
                .orElseThrow(() -> ApiException.badRequest("auth.invalid_token", "The account no longer exists"));
        policy.check("newPassword", newPassword, user.email());
        users.updatePassword(userId, hasher.hash(newPassword));
        tokens.invalidateOutstanding(userId, OneTimeTokenStore.PASSWORD_RESET);
        refreshTokens.revokeAll(userId);
        users.markEmailVerified(userId);
        audit.record(AuditRecord.of(null, "user.password_reset", "user", userId, Map.of())
                .byActor(userId));
    }
}
