package io.wellbase.notifications.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The texts of every notification type in English, German, Spanish and French
 * ({@code notifications/templates_<language>.properties}), with {@code {name}} placeholders; an
 * organization may override a type's title and body per language with the same placeholders.
 */
@Component
class Templates {

    static final List<String> LANGUAGES = List.of("en", "de", "es", "fr");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Map<String, Properties> bundles = new LinkedHashMap<>();

    Templates() {
        for (String language : LANGUAGES) {
            Properties texts = new Properties();
            try (InputStream in =
                    Templates.class.getResourceAsStream("/notifications/templates_" + language + ".properties")) {
                if (in == null) {
                    throw new IllegalStateException("no notification templates for " + language);
                }
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            bundles.put(language, texts);
        }
    }

    /** The language Wellbase writes of a chosen language tag ({@code de-AT} → {@code de}), or null. */
    static @Nullable String baseLanguage(@Nullable String chosen) {
        if (chosen == null) {
            return null;
        }
        String base = chosen.toLowerCase(Locale.ROOT).split("[-_]")[0];
        return LANGUAGES.contains(base) ? base : null;
    }

    /** A title and a body. */
    record Text(String title, String body) {}

    /** The built-in text of a type in a language (English where a language lacks it). */
    Text standard(NotificationType type, String language) {
        Properties texts = bundles.getOrDefault(language, bundles.get("en"));
        Properties en = bundles.get("en");
        String title = texts.getProperty(type.value() + ".title", en.getProperty(type.value() + ".title"));
        String body = texts.getProperty(type.value() + ".body", en.getProperty(type.value() + ".body"));
        return new Text(title, body);
    }

    /** The placeholders a type's texts may use: those of its English default. */
    Set<String> placeholders(NotificationType type) {
        Text en = standard(type, "en");
        Set<String> names = new LinkedHashSet<>();
        for (String text : List.of(en.title(), en.body())) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** A placeholder the text uses that the type does not know, if any. */
    Optional<String> unknownPlaceholder(NotificationType type, String text) {
        Set<String> known = placeholders(type);
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** The message's text in the language, from the override when there is one. */
    Text render(Message message, String language, @Nullable Text override) {
        return render(message.type(), message.values(), language, override);
    }

    /** A type's text in the language with the values filled in, from the override when there is one. */
    Text render(NotificationType type, Map<String, ?> values, String language, @Nullable Text override) {
        Text template = override != null ? override : standard(type, language);
        Properties texts = bundles.getOrDefault(language, bundles.get("en"));
        Locale locale = Locale.forLanguageTag(bundles.containsKey(language) ? language : "en");
        DateTimeFormatter when = DateTimeFormatter.ofPattern(texts.getProperty("format.when"), locale);
        DateTimeFormatter day = DateTimeFormatter.ofPattern(texts.getProperty("format.day"), locale);
        return new Text(fill(template.title(), values, when, day), fill(template.body(), values, when, day));
    }

    private static String fill(String text, Map<String, ?> values, DateTimeFormatter when, DateTimeFormatter day) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            String shown = switch (value) {
                case null -> "";
                case ZonedDateTime at -> at.format(when);
                case LocalDate date -> date.format(day);
                default -> value.toString();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }
}
