package io.wellbase.organizations.internal.deletion;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether an organization's deletion is scheduled. */
enum DeletionStatus {
    NONE("none"),
    SCHEDULED("scheduled");

    private final String value;

    DeletionStatus(String value) {
        this.value = value;
    }

    @JsonValue
    String value() {
        return value;
    }
}
