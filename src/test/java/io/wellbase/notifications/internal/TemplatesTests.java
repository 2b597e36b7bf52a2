package io.wellbase.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every type has its own title and body in every language, using only the placeholders of its English text. */
class TemplatesTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Templates templates = new Templates();

    @Test
    void everyTypeIsWrittenInEveryLanguageWithItsOwnPlaceholdersOnly() throws Exception {
        for (String language : Templates.LANGUAGES) {
            java.util.Properties own = new java.util.Properties();
            try (var in = Templates.class.getResourceAsStream("/notifications/templates_" + language + ".properties")) {
                own.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            for (NotificationType type : NotificationType.values()) {
                assertThat(own.getProperty(type.value() + ".title"))
                        .as(type.value() + ".title in " + language)
                        .isNotBlank();
                assertThat(own.getProperty(type.value() + ".body"))
                        .as(type.value() + ".body in " + language)
                        .isNotBlank();
                Set<String> known = templates.placeholders(type);
                for (String text :
                        new String[] {own.getProperty(type.value() + ".title"), own.getProperty(type.value() + ".body")
                        }) {
                    Matcher m = PLACEHOLDER.matcher(text);
                    while (m.find()) {
                        assertThat(known).as(type.value() + " in " + language).contains(m.group(1));
                    }
                }
            }
        }
    }

    @Test
    void anAccountEmailIsFilledInTheChosenLanguage() {
        Templates.Text text = templates.render(
                NotificationType.PASSWORD_RESET,
                java.util.Map.of("firstName", "Ana", "link", "https://app/x", "token", "t0k", "minutes", "60"),
                "es",
                null);
        assertThat(text.title()).isEqualTo("Restablece tu contraseña de Wellbase");
        assertThat(text.body())
                .startsWith("Hola Ana:")
                .contains("https://app/x")
                .contains("60 minutos");
        assertThat(Templates.baseLanguage("fr-CA")).isEqualTo("fr");
        assertThat(Templates.baseLanguage("pt-BR")).isNull();
    }
}
