package io.wellbase.identity.internal;

import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.identity.UserAccounts;
import io.wellbase.identity.UserRegistered;
import io.wellbase.identity.UserSummary;
import io.wellbase.platform.web.ApiException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User accounts for other modules.
 */
@Service
class UserAccountsService implements UserAccounts {

    private final UserStore users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final EmailVerifications verifications;

    UserAccountsService(
            UserStore users,
            PasswordHasher hasher,
            PasswordPolicy policy,
            AuditTrail audit,
            ApplicationEventPublisher events,
            EmailVerifications verifications) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
        this.events = events;
        this.verifications = verifications;
    }

    @Override
    @Transactional
    public UserSummary register(NewUser user) {
        UUID id = insert(user, false);
        events.publishEvent(new UserRegistered(id, user.email().trim()));
        verifications.send(id);
        return users.findById(id).orElseThrow().summary();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<UserSummary> findByEmail(String email) {
        return users.findByEmail(email).map(UserStore.UserRow::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, UserSummary> summaries(Collection<UUID> ids) {
        return users.findAll(ids).stream()
                .map(UserStore.UserRow::summary)
                .collect(Collectors.toMap(UserSummary::id, Function.identity()));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> languages(Collection<UUID> ids) {
        return users.findAll(ids).stream()
                .filter(u -> u.language() != null && !u.language().isBlank())
                .collect(Collectors.toMap(UserStore.UserRow::id, UserStore.UserRow::language));
    }

    @Override
    @Transactional
    public UserSummary createVerified(NewUser user) {
        return users.findById(insert(user, true)).orElseThrow().summary();
    }

    private UUID insert(NewUser user, boolean emailVerified) {
        policy.check("password", user.password(), user.email());
        if (users.emailTaken(user.email())) {
            throw ApiException.conflict(
                    "auth.email_taken", "An account with this email already exists; sign in instead");
        }
        UUID id = users.insert(
                user.email(),
                hasher.hash(user.password()),
                user.firstName(),
                user.lastName(),
                user.phone(),
                emailVerified);
        audit.record(AuditRecord.of(
                        null,
                        "user.registered",
                        "user",
                        id,
                        AuditChange.created(Map.of(
                                "email",
                                user.email().trim(),
                                "firstName",
                                user.firstName(),
                                "lastName",
                                user.lastName())))
                .byActor(id));
        return id;
    }

    @Override
    @Transactional
    public UserSummary ensureExists(NewUser user) {
        return users.findByEmail(user.email()).map(UserStore.UserRow::summary).orElseGet(() -> createVerified(user));
    }
}
