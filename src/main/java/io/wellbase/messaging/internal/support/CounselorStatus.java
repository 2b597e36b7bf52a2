package io.wellbase.messaging.internal.support;

import java.util.Arrays;
import java.util.Optional;

/** Set by the counselor: only an available one takes sessions from the queue. */
enum CounselorStatus {
    AVAILABLE("available"),
    BUSY("busy"),
    OFFLINE("offline");

    private final String value;

    CounselorStatus(String value) {
        this.value = value;
    }

    String value() {
        return value;
    }

    static Optional<CounselorStatus> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
