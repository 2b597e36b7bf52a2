package io.wellbase.organizations.internal.settings;

import com.fasterxml.jackson.annotation.JsonValue;

/** The closed vocabularies of the locale settings, each with its JSON value. */
final class SettingsVocabulary {

    private SettingsVocabulary() {}

    /** The languages Wellbase's messages are written in. */
    enum Language {
        EN("en"),
        DE("de"),
        FR("fr"),
        ES("es");

        private final String value;

        Language(String value) {
            this.value = value;
        }

        @JsonValue
        String value() {
            return value;
        }
    }

    enum DateFormat {
        DAY_MONTH_YEAR("day_month_year"),
        MONTH_DAY_YEAR("month_day_year"),
        YEAR_MONTH_DAY("year_month_day");

        private final String value;

        DateFormat(String value) {
            this.value = value;
        }

        @JsonValue
        String value() {
            return value;
        }
    }

    enum TimeFormat {
        HOURS_24("24h"),
        HOURS_12("12h");

        private final String value;

        TimeFormat(String value) {
            this.value = value;
        }

        @JsonValue
        String value() {
            return value;
        }
    }

    enum WeekStart {
        MONDAY("monday"),
        SUNDAY("sunday"),
        SATURDAY("saturday");

        private final String value;

        WeekStart(String value) {
            this.value = value;
        }

        @JsonValue
        String value() {
            return value;
        }
    }
}
