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
 * Email verification: a single-use link sent on registration and on request.
 */
@Service
class EmailVerifications {

    private final UserStore users;
    private final OneTimeTokenStore tokens;
    private final OutboundMail mail;
    private final IdentityProperties properties;
    private final PublicUrl publicUrl;
    private final AuditTrail audit;

    EmailVerifications(
            UserStore users,
            OneTimeTokenStore tokens,
            OutboundMail mail,
            IdentityProperties properties,
            PublicUrl publicUrl,
            AuditTrail audit) {
        this.users = users;
        this.tokens = tokens;
        this.mail = mail;
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.audit = audit;
    }

    @Transactional
    public void send(UUID userId) {
        users.findById(userId)
                .filter(u -> u.emailVerifiedAt() == null && u.email() != null)
                .ifPresent(user -> {
                    tokens.invalidateOutstanding(userId, OneTimeTokenStore.EMAIL_VERIFICATION);
                    String token = tokens.issue(
                            userId, OneTimeTokenStore.EMAIL_VERIFICATION, properties.emailVerificationTtl());
                    mail.enqueue(new AccountEmail(
                            AccountEmail.Kind.EMAIL_VERIFICATION,
                            user.email(),
                            null,
                            user.id(),
                            user.language(),
                            Map.of(
                                    "firstName",
                                    user.firstName(),
                                    "link",
                                    publicUrl.app() + "/verify-email?token=" + token,
                                    "token",
                                    token)));
                });
    }

    @Transactional
    public void confirm(String token) {
        UUID userId = tokens.consume(token, OneTimeTokenStore.EMAIL_VERIFICATION)
                .orElseThrow(() -> ApiException.badRequest(
                        "auth.invalid_token", "The verification link is invalid, used or expired"));
        users.markEmailVerified(userId);
        audit.record(AuditRecord.of(null, "user.email_verified", "user", userId, Map.of())
                .byActor(userId));
    }
}
