package io.wellbase.platform.mail;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An email about a person's account that a module asks for: what kind it is, to whom, and the values its
 * template fills in. The notifications module writes the text (in the person's language, with the
 * organization's look) and delivers it through its outbox.
 *
 * @param organizationId the organization it is sent for (an invitation), or null (a password reset)
 * @param userId         the account it is about, when there is one
 * @param language       the account's chosen language (a tag such as {@code de-AT}), or null: the
 *                       organization's language is used, else English
 * @param values         the template's placeholders, by name (for instance {@code link}, {@code token})
 */
public record AccountEmail(
        Kind kind,
        String to,
        @Nullable UUID organizationId,
        @Nullable UUID userId,
        @Nullable String language,
        Map<String, String> values) {

    public AccountEmail {
        values = Map.copyOf(values);
    }

    /** The account emails there are; each has a template of its own, in every language. */
    public enum Kind {
        EMAIL_VERIFICATION("email_verification"),
        PASSWORD_RESET("password_reset"),
        STAFF_INVITATION("invitation"),
        CLIENT_INVITATION("client_invitation"),
        SIGN_IN_LINK("sign_in_link");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        /** The kind's name in the outbox and the log. */
        public String value() {
            return value;
        }
    }
}
