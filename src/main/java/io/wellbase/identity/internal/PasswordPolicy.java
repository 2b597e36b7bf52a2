package io.wellbase.identity.internal;

import io.wellbase.platform.web.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The password rules: 10 to 200 characters, not one of the commonly used passwords, and not the
 * email address or its local part.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 200;

    private final Set<String> common;

    PasswordPolicy() {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("identity/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            common = reader.lines()
                    .map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void check(String field, String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw ApiException.invalidField(field, "must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.length() > MAX_LENGTH) {
            throw ApiException.invalidField(field, "must be at most " + MAX_LENGTH + " characters long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            throw ApiException.invalidField(field, "is too common; choose a less guessable password");
        }
        if (email != null) {
            String normalized = email.trim().toLowerCase(Locale.ROOT);
            int at = normalized.indexOf('@');
            String local = at > 0 ? normalized.substring(0, at) : normalized;
            if (lower.equals(normalized) || lower.equals(local)) {
                throw ApiException.invalidField(field, "must not be your email address");
            }
        }
    }
}
