package io.wellbase.dataexchange.internal.imports;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of imports ({@code wellbase.dataexchange.imports.*}).
 *
 * @param mergeStepTimeout the longest one statement of a merge may run (PostgreSQL's
 *        {@code statement_timeout}, set for the merge only); a step that takes longer fails the
 *        import, which then keeps nothing, instead of holding its locks for ever
 * @param errorRetention how long the row-level error report of a finished import is kept
 */
@Validated
@ConfigurationProperties("wellbase.dataexchange.imports")
public record ImportsProperties(
        @DefaultValue("5m") @NotNull Duration mergeStepTimeout,
        @DefaultValue("90d") @NotNull Duration errorRetention) {

    public ImportsProperties {
        if (mergeStepTimeout != null && (mergeStepTimeout.isNegative() || mergeStepTimeout.isZero())) {
            throw new IllegalArgumentException("wellbase.dataexchange.imports.merge-step-timeout must be positive");
        }
    }
}
