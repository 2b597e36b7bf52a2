package io.wellbase.care.internal.mood;

import io.wellbase.platform.web.ApiException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A mood entry as sent, checked field by field; every problem is named at once and nothing is stored. */
final class MoodRequests {

    static final int MAX_EMOTIONS = 10;
    static final int MAX_FACTORS = 20;
    private static final Pattern FACTOR = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,39}");

    private MoodRequests() {}

    /** The body of a POST, or of a PATCH (where an absent field keeps what the entry had). */
    record Body(
            @Nullable Integer mood,
            @Nullable List<String> emotions,
            @Nullable String note,
            @Nullable String occurredAt,
            @Nullable String place,
            @Nullable String weather,
            @Nullable JsonNode factors) {}

    /** The content to store: {@code base} for a PATCH (the entry as it is), null for a new entry. */
    static MoodStore.Content content(Body b, MoodStore.@Nullable Entry base, ZoneId zone, OffsetDateTime now) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        Integer mood = b.mood() != null ? b.mood() : base == null ? null : base.mood();
        if (mood == null || mood < 1 || mood > 5) {
            errors.add(new ApiException.FieldError("mood", "must be a whole number from 1 to 5"));
        }
        List<String> emotions = b.emotions() != null ? b.emotions() : base == null ? List.of() : base.emotions();
        if (emotions.size() > MAX_EMOTIONS
                || emotions.stream().anyMatch(e -> e == null || e.isBlank() || e.length() > 40)) {
            errors.add(new ApiException.FieldError(
                    "emotions", "at most 10 words or short phrases of up to 40 characters"));
        }
        String note = b.note() != null ? b.note() : base == null ? null : base.note();
        if (note != null && note.length() > 5000) {
            errors.add(new ApiException.FieldError("note", "at most 5,000 characters"));
        }
        OffsetDateTime occurredAt = base == null ? now : base.occurredAt();
        java.time.LocalDate date = base == null ? now.atZoneSameInstant(zone).toLocalDate() : base.date();
        if (b.occurredAt() != null) {
            try {
                occurredAt = OffsetDateTime.parse(b.occurredAt());
                date = occurredAt.toLocalDate();
                if (occurredAt.isAfter(now.plusMinutes(5)) || occurredAt.isBefore(now.minusYears(5))) {
                    errors.add(new ApiException.FieldError("occurredAt", "must lie within the last five years"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new ApiException.FieldError("occurredAt", "must be an ISO-8601 date-time with offset"));
            }
        }
        String place = b.place() != null ? b.place() : base == null ? null : base.place();
        String weather = b.weather() != null ? b.weather() : base == null ? null : base.weather();
        if (place != null && place.length() > 200) {
            errors.add(new ApiException.FieldError("place", "at most 200 characters"));
        }
        if (weather != null && weather.length() > 100) {
            errors.add(new ApiException.FieldError("weather", "at most 100 characters"));
        }
        JsonNode factors = b.factors() != null ? b.factors() : base == null ? null : base.factors();
        factors(factors, errors);
        ApiException.throwIfInvalid(errors);
        return new MoodStore.Content(
                mood,
                emotions.stream().map(String::strip).toList(),
                note,
                occurredAt,
                date,
                place,
                weather,
                factors == null ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode() : factors);
    }

    private static void factors(@Nullable JsonNode factors, List<ApiException.FieldError> errors) {
        if (factors == null) {
            return;
        }
        if (!factors.isObject() || factors.size() > MAX_FACTORS) {
            errors.add(new ApiException.FieldError("factors", "an object of up to 20 factors"));
            return;
        }
        for (Map.Entry<String, JsonNode> f : factors.properties()) {
            String field = "factors." + f.getKey();
            JsonNode v = f.getValue();
            if (!FACTOR.matcher(f.getKey()).matches() || f.getKey().equals(MoodInsights.CLASS)) {
                errors.add(new ApiException.FieldError(
                        field, "a name of letters, digits and _ (classAttended comes from attendance)"));
            } else if (f.getKey().equals("sleepHours")
                    && (!v.isNumber() || v.doubleValue() < 0 || v.doubleValue() > 24)) {
                errors.add(new ApiException.FieldError(field, "hours from 0 to 24"));
            } else if (!v.isBoolean() && !(v.isNumber() && v.doubleValue() >= 0 && v.doubleValue() <= 1000)) {
                errors.add(new ApiException.FieldError(field, "true, false or an amount from 0 to 1000"));
            }
        }
    }
}
