package io.wellbase.dataexchange.internal.exports;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of exports ({@code wellbase.dataexchange.exports.*}).
 *
 * @param syncRowLimit exports up to this many rows stream straight back; larger ones run as jobs
 */
@Validated
@ConfigurationProperties("wellbase.dataexchange.exports")
public record ExportsProperties(
        @DefaultValue("50000") @Min(0) long syncRowLimit) {}
