package io.wellbase.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * User accounts as other modules see them.
 */
public interface UserAccounts {

    Optional<UserSummary> findByEmail(String email);

    Map<UUID, UserSummary> summaries(Collection<UUID> ids);

    /** The language each of these users chose for their account (a tag such as "de"); users who chose none are absent. */
    Map<UUID, String> languages(Collection<UUID> ids);

    /**
     * Creates an account whose email is already proven (an invitation link reached it); 409 when the
     * email is taken, 400 when the password breaks the policy.
     */
    UserSummary createVerified(NewUser user);

    /**
     * Registers a new account whose email is not yet proven: checks the password policy, answers 409
     * when the email is taken, and sends the verification email.
     */
    UserSummary register(NewUser user);

    /** Creates the account unless one with that email exists; for demo data. */
    UserSummary ensureExists(NewUser user);

    /** A new account's fields. */
    record NewUser(
            String email,
            String password,
            String firstName,
            String lastName,
            @Nullable String phone) {}
}
