package io.wellbase.care.internal.programs;

import io.wellbase.platform.web.ApiException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Program and module bodies as staff send them, checked field by field (every problem named, nothing stored). */
final class ProgramRequests {

    static final Set<String> DIFFICULTIES = Set.of("beginner", "intermediate", "advanced");
    static final Set<String> TYPES = Set.of("video", "audio", "text", "interactive");
    static final int MAX_CONTENT = 65_536;

    private ProgramRequests() {}

    record ProgramBody(
            @Nullable String title,
            @Nullable String description,
            @Nullable String category,
            @Nullable Integer durationDays,
            @Nullable String difficulty,
            @Nullable Boolean premium,
            @Nullable Boolean active,
            @Nullable List<ModuleBody> modules) {}

    record ModuleBody(
            @Nullable String title,
            @Nullable String description,
            @Nullable JsonNode content,
            @Nullable Integer minutes,
            @Nullable String type,
            @Nullable Boolean required,
            @Nullable Boolean premium,
            @Nullable Integer releaseAfterDays) {}

    /** The program a body makes, over {@code base} for a PATCH (null for a new one). */
    static ProgramStore.Program program(
            ProgramBody b, ProgramStore.@Nullable Program base, UUID id, List<ApiException.FieldError> errors) {
        String title = b.title() != null ? b.title().strip() : base == null ? null : base.title();
        if (title == null || title.isEmpty() || title.length() > 200) {
            errors.add(new ApiException.FieldError("title", "1 to 200 characters"));
        }
        String description = b.description() != null ? b.description() : base == null ? null : base.description();
        if (description != null && description.length() > 5000) {
            errors.add(new ApiException.FieldError("description", "at most 5,000 characters"));
        }
        String category = b.category() != null ? b.category() : base == null ? null : base.category();
        if (category != null && category.length() > 60) {
            errors.add(new ApiException.FieldError("category", "at most 60 characters"));
        }
        Integer days = b.durationDays() != null ? b.durationDays() : base == null ? null : base.durationDays();
        if (days != null && (days < 1 || days > 3650)) {
            errors.add(new ApiException.FieldError("durationDays", "from 1 to 3650"));
        }
        String difficulty = b.difficulty() != null ? b.difficulty() : base == null ? "beginner" : base.difficulty();
        if (!DIFFICULTIES.contains(difficulty)) {
            errors.add(new ApiException.FieldError("difficulty", "beginner, intermediate or advanced"));
        }
        OffsetDateTime now = OffsetDateTime.now();
        return new ProgramStore.Program(
                id,
                title,
                description,
                category,
                days,
                difficulty,
                b.premium() != null ? b.premium() : base != null && base.premium(),
                b.active() != null ? b.active() : base == null || base.active(),
                base == null ? now : base.createdAt(),
                now);
    }

    /** The module a body makes, over {@code base} for a PATCH; {@code at} names the field ({@code modules[2].}). */
    static ProgramStore.Module module(
            ModuleBody b,
            ProgramStore.@Nullable Module base,
            UUID id,
            UUID program,
            int position,
            String at,
            List<ApiException.FieldError> errors) {
        String title = b.title() != null ? b.title().strip() : base == null ? null : base.title();
        if (title == null || title.isEmpty() || title.length() > 200) {
            errors.add(new ApiException.FieldError(at + "title", "1 to 200 characters"));
        }
        String description = b.description() != null ? b.description() : base == null ? null : base.description();
        if (description != null && description.length() > 5000) {
            errors.add(new ApiException.FieldError(at + "description", "at most 5,000 characters"));
        }
        JsonNode content = b.content() != null
                ? b.content()
                : base == null ? JsonNodeFactory.instance.objectNode() : base.content();
        if (!content.isObject() || content.toString().length() > MAX_CONTENT) {
            errors.add(new ApiException.FieldError(at + "content", "a JSON object of at most 64 KB"));
        }
        Integer minutes = b.minutes() != null ? b.minutes() : base == null ? null : base.minutes();
        if (minutes != null && (minutes < 0 || minutes > 1440)) {
            errors.add(new ApiException.FieldError(at + "minutes", "from 0 to 1440"));
        }
        String type = b.type() != null ? b.type() : base == null ? null : base.type();
        if (type == null || !TYPES.contains(type)) {
            errors.add(new ApiException.FieldError(at + "type", "video, audio, text or interactive"));
        }
        int release = b.releaseAfterDays() != null ? b.releaseAfterDays() : base == null ? 0 : base.releaseAfterDays();
        if (release < 0 || release > 3650) {
            errors.add(new ApiException.FieldError(at + "releaseAfterDays", "from 0 to 3650"));
        }
        return new ProgramStore.Module(
                id,
                program,
                position,
                title,
                description,
                content,
                minutes,
                type,
                b.required() != null ? b.required() : base == null || base.required(),
                b.premium() != null ? b.premium() : base != null && base.premium(),
                release);
    }
}
