package io.wellbase.platform.plans;

/** A countable allowance of a platform tier; monthly ones are counted in the current calendar month (UTC). */
public enum Limit {
    STAFF_SEATS("staff_seats", false),
    ACTIVE_CLIENTS("active_clients", false),
    LOCATIONS("locations", false),
    SMS_PER_MONTH("sms_per_month", true),
    AI_QUESTIONS_PER_MONTH("ai_questions_per_month", true);

    private final String value;
    private final boolean monthly;

    Limit(String value, boolean monthly) {
        this.value = value;
        this.monthly = monthly;
    }

    public String value() {
        return value;
    }

    public boolean monthly() {
        return monthly;
    }
}
