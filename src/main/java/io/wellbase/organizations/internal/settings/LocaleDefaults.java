package io.wellbase.organizations.internal.settings;

/**
 * The language an organization's locale has until an owner chooses one: English, the language every message
 * template exists in and that notifications used before locales existed (an owner in Germany chooses {@code de}).
 */
public final class LocaleDefaults {

    public static final String LANGUAGE = "en";

    private LocaleDefaults() {}
}
