package io.wellbase.insights.internal.semantic;

/** What a metric's number means: a count, a percentage (one decimal), or money in minor units. */
public enum Unit {
    COUNT,
    PERCENT,
    MONEY;

    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
