package io.wellbase.messaging.internal;

import java.util.Arrays;
import java.util.Optional;

/** A conversation with a client (and staff), or among staff only (a team channel). */
public enum ConversationKind {
    CLIENT("client"),
    STAFF("staff");

    private final String value;

    ConversationKind(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    static Optional<ConversationKind> parse(String value) {
        return Arrays.stream(values()).filter(k -> k.value.equals(value)).findFirst();
    }
}
