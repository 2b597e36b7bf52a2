package io.wellbase.identity.internal;

import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.identity.AuthTokens;
import io.wellbase.platform.web.ApiException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts without an email, for wellbeing services where people will not give one: a generated handle
 * ({@code calm-otter-4821}) and a password to sign in, and a recovery code, shown once, to set a new password. An
 * email attached later is unverified until its link is followed, so it never links the account to anyone's records
 * before then.
 */
@Service
class AnonymousAccounts {

    private static final List<String> ADJECTIVES = List.of(
            "calm", "brave", "kind", "quiet", "bright", "gentle", "steady", "warm", "clear", "soft", "bold", "still",
            "sunny", "misty", "swift", "light");
    private static final List<String> ANIMALS = List.of(
            "otter", "heron", "fox", "owl", "lynx", "wren", "seal", "hare", "finch", "deer", "crane", "robin", "koala",
            "panda", "whale", "swan");
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserStore users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final TokenService tokens;
    private final RefreshTokenStore refreshTokens;
    private final FailedLogins failedLogins;
    private final EmailVerifications verifications;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    AnonymousAccounts(
            UserStore users,
            PasswordHasher hasher,
            PasswordPolicy policy,
            TokenService tokens,
            RefreshTokenStore refreshTokens,
            FailedLogins failedLogins,
            EmailVerifications verifications,
            AuditTrail audit) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.failedLogins = failedLogins;
        this.verifications = verifications;
        this.audit = audit;
    }

    record Created(String handle, String recoveryCode, AuthTokens tokens) {}

    @Transactional
    Created register(String password) {
        policy.check("password", password, null);
        String handle = handle();
        String code = recoveryCode();
        UUID id = users.insertAnonymous(handle, hasher.hash(password), hasher.hash(code));
        audit.record(AuditRecord.of(null, "user.registered_anonymously", "user", id, Map.of())
                .byActor(id));
        return new Created(handle, code, tokens.startDefault(id));
    }

    @Transactional(noRollbackFor = ApiException.class)
    AuthTokens login(String handle, String password) {
        UserStore.Anonymous account = admitted(handle, password, true);
        audit.record(AuditRecord.of(null, "user.signed_in", "user", account.id(), Map.of())
                .byActor(account.id()));
        return tokens.startDefault(account.id());
    }

    /** A new password with the recovery code; every session ends and a new recovery code replaces the used one. */
    @Transactional(noRollbackFor = ApiException.class)
    String recover(String handle, String recoveryCode, String newPassword) {
        UserStore.Anonymous account =
                admitted(handle, recoveryCode == null ? "" : recoveryCode.toUpperCase(java.util.Locale.ROOT), false);
        policy.check("newPassword", newPassword, account.email());
        users.updatePassword(account.id(), hasher.hash(newPassword));
        String code = recoveryCode();
        users.updateRecoveryHash(account.id(), hasher.hash(code));
        refreshTokens.revokeAll(account.id());
        audit.record(AuditRecord.of(null, "user.recovered", "user", account.id(), Map.of())
                .byActor(account.id()));
        return code;
    }

    /** Attaches an email to the caller's account, unverified, and sends its verification link. */
    @Transactional
    void attachEmail(UUID userId, String email) {
        if (users.emailTaken(email)) {
            throw ApiException.conflict("auth.email_taken", "An account with this email already exists");
        }
        if (!users.attachEmail(userId, email)) {
            throw ApiException.conflict("auth.email_present", "This account has an email already");
        }
        verifications.send(userId);
        audit.record(AuditRecord.of(null, "user.email_attached", "user", userId, Map.of())
                .byActor(userId));
    }

    /** The account if the secret (its password, or its recovery code) is right; counted like any sign-in. */
    private UserStore.Anonymous admitted(String handle, String secret, boolean password) {
        String key = "handle:" + (handle == null ? "" : handle.strip().toLowerCase(java.util.Locale.ROOT));
        failedLogins.admit(key).ifPresent(locked -> {
            throw ApiException.tooManyRequests(
                    "auth.too_many_failures",
                    "Too many failed attempts for this account; try again later",
                    failedLogins.limit(),
                    locked);
        });
        var account = users.findByHandle(key.substring("handle:".length()));
        boolean ok = account.isPresent()
                && hasher.matches(
                        secret,
                        password ? account.get().passwordHash() : account.get().recoveryHash());
        if (account.isEmpty()) {
            hasher.burn(secret);
        }
        if (!ok) {
            failedLogins.record(key);
            throw ApiException.unauthorized(
                    "auth.invalid_credentials",
                    password ? "The handle or password is wrong" : "The handle or recovery code is wrong");
        }
        return account.get();
    }

    private String handle() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String h = ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "-"
                    + ANIMALS.get(random.nextInt(ANIMALS.size())) + "-" + (1000 + random.nextInt(9000));
            if (!users.handleTaken(h)) {
                return h;
            }
        }
        throw new IllegalStateException("no free handle found");
    }

    private String recoveryCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }
}
