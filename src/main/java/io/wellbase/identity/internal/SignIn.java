package io.wellbase.identity.internal;

import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.identity.AuthTokens;
import io.wellbase.identity.Me;
import io.wellbase.identity.OrganizationDirectory;
import io.wellbase.identity.UserAccounts;
import io.wellbase.identity.UserSummary;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration, sign-in, token refresh with reuse detection, sign-out and switching organization.
 */
@Service
class SignIn {

    private final UserStore users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final RefreshTokenStore refreshTokens;
    private final OrganizationDirectory organizations;
    private final FailedLogins failedLogins;
    private final AuditTrail audit;
    private final UserAccounts accounts;

    SignIn(
            UserStore users,
            PasswordHasher hasher,
            TokenService tokens,
            RefreshTokenStore refreshTokens,
            OrganizationDirectory organizations,
            FailedLogins failedLogins,
            AuditTrail audit,
            UserAccounts accounts) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.organizations = organizations;
        this.failedLogins = failedLogins;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** A new account's fields as the client sends them. */
    record Registration(String email, String password, String firstName, String lastName, String phone) {}

    @Transactional
    public AuthTokens register(Registration r) {
        UserSummary user = accounts.register(
                new UserAccounts.NewUser(r.email(), r.password(), r.firstName(), r.lastName(), r.phone()));
        return tokens.startDefault(user.id());
    }

    @Transactional(noRollbackFor = ApiException.class)
    public AuthTokens login(String email, String password) {
        String account = UserStore.normalize(email);
        failedLogins.admit(account).ifPresent(locked -> {
            throw ApiException.tooManyRequests(
                    "auth.too_many_failures",
                    "Too many failed sign-ins for this account; try again in " + minutes(locked),
                    failedLogins.limit(),
                    locked);
        });
        var user = users.findByEmail(email);
        boolean ok;
        if (user.isPresent()) {
            ok = hasher.matches(password, user.get().passwordHash());
        } else {
            hasher.burn(password);
            ok = false;
        }
        if (!ok) {
            failedLogins.record(account);
            user.ifPresent(known -> auditFailure(known.id()));
            throw ApiException.unauthorized("auth.invalid_credentials", "The email or password is wrong");
        }
        UUID id = user.get().id();
        audit.record(
                AuditRecord.of(null, "user.signed_in", "user", id, Map.of()).byActor(id));
        return tokens.startDefault(id);
    }

    /** A wrong password for a member's account goes into the trail of each organization they work in. */
    private void auditFailure(UUID userId) {
        for (UUID org : organizations.staffOrganizations(userId)) {
            audit.record(AuditRecord.of(org, "user.sign_in_failed", "user", userId, Map.of())
                    .byActor(userId));
        }
    }

    @Transactional(noRollbackFor = ApiException.class)
    public AuthTokens refresh(String refreshToken) {
        RefreshTokenStore.TokenRow row = refreshTokens
                .findForUpdate(refreshToken == null ? "" : refreshToken)
                .orElseThrow(SignIn::invalidRefresh);
        if (row.spentAt() != null) {
            refreshTokens.revokeFamily(row.familyId());
            audit.record(AuditRecord.of(null, "refresh_token.reused", "user", row.userId(), Map.of())
                    .byActor(row.userId()));
            throw ApiException.unauthorized(
                    "auth.refresh_token_reused",
                    "This refresh token was already used; every session of this sign-in has been ended");
        }
        if (row.revokedAt() != null || row.expiresAt().toInstant().isBefore(java.time.Instant.now())) {
            throw invalidRefresh();
        }
        refreshTokens.spend(row.id());
        return tokens.issue(row.userId(), row.orgId(), row.familyId());
    }

    @Transactional
    public void logout(String refreshToken) {
        refreshTokens
                .findForUpdate(refreshToken == null ? "" : refreshToken)
                .ifPresent(row -> refreshTokens.revokeFamily(row.familyId()));
    }

    @Transactional
    public int logoutAll(Caller caller) {
        int revoked = refreshTokens.revokeAll(caller.userId());
        audit.record(AuditRecord.of(
                caller.organizationId(), "user.signed_out_everywhere", "user", caller.userId(), Map.of()));
        return revoked;
    }

    @Transactional
    public AuthTokens switchOrganization(Caller caller, UUID organizationId) {
        if (organizations.roleOf(caller.userId(), organizationId).isEmpty()) {
            throw ApiException.notFound("Organization");
        }
        return tokens.start(caller.userId(), organizationId);
    }

    /** One indexed read; no transaction, so no read-only round trips on the hot path. */
    public Me me(Caller caller) {
        UserStore.UserRow user = users.findById(caller.userId())
                .orElseThrow(() -> ApiException.unauthorized("auth.invalid_token", "The account no longer exists"));
        return TokenService.me(user, caller.organizationId(), caller.role());
    }

    private static String minutes(java.time.Duration locked) {
        long minutes = Math.max(1, (locked.toSeconds() + 59) / 60);
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }

    private static ApiException invalidRefresh() {
        return ApiException.unauthorized("auth.invalid_refresh_token", "The refresh token is invalid or expired");
    }
}
