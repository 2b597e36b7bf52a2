package io.wellbase.notifications.internal;

import java.util.Arrays;
import java.util.Optional;

/** Where a message reaches a person. In-app is always on; the others go through the dispatcher. */
enum Channel {
    IN_APP("in_app"),
    EMAIL("email"),
    SMS("sms"),
    PUSH("push");

    private final String value;

    Channel(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    static Optional<Channel> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.value.equals(value)).findFirst();
    }

    static Channel of(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown channel " + value));
    }
}
