package io.wellbase.platform.plans;

/** A capability a platform tier may include; {@code value} is how the API and the configuration name it. */
public enum Feature {
    ONLINE_PAYMENTS("online_payments"),
    WEBHOOKS("webhooks"),
    AI_QUESTIONS("ai_questions"),
    SMS("sms"),
    CARE("care"),
    DATA_IMPORT("data_import");

    private final String value;

    Feature(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }
}
