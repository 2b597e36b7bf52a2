package io.wellbase.messaging.internal;

import java.util.Arrays;
import java.util.Optional;

/** What a message carries: text, or an attachment (image, file) or a shared resource with a caption. */
enum MessageType {
    TEXT("text"),
    IMAGE("image"),
    FILE("file"),
    RESOURCE("resource");

    private final String value;

    MessageType(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    boolean needsAttachment() {
        return this == IMAGE || this == FILE;
    }

    static Optional<MessageType> parse(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }
}
