package io.wellbase.dataexchange.internal.mindbody;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Mindbody sync ({@code wellbase.dataexchange.mindbody.*}).
 *
 * @param apiBase the Public API v6 base (a stand-in in tests)
 * @param pageSize records per page (Mindbody allows at most 200)
 * @param maxRetries how often a request refused with 429 or a 5xx is tried again, after Retry-After or a backoff
 * @param firstSyncDays how far back the first sync reads visits and sales
 * @param requestTimeout the longest one request may take
 */
@Validated
@ConfigurationProperties("wellbase.dataexchange.mindbody")
public record MindbodyProperties(
        @DefaultValue("https://api.mindbodyonline.com/public/v6")
        String apiBase,

        @DefaultValue("200") @Min(1) @Max(200) int pageSize,
        @DefaultValue("5") @Min(0) int maxRetries,
        @DefaultValue("365") @Min(1) int firstSyncDays,
        @DefaultValue("30s") Duration requestTimeout) {}
