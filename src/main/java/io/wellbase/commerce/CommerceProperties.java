package io.wellbase.commerce;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the commerce module ({@code wellbase.commerce.*}).
 *
 * @param reservation     how long a placed, unpaid order holds its stock before it expires and lets it go
 * @param recommendations how recommendations are made and kept
 * @param reorder         how reorder suggestions look ahead
 */
@ConfigurationProperties("wellbase.commerce")
public record CommerceProperties(
        @DefaultValue("30m") Duration reservation,
        @DefaultValue Recommendations recommendations,
        @DefaultValue Reorder reorder) {

    /**
     * @param cacheFor       how long a client's recommendations are kept (a new order of theirs drops them sooner)
     * @param minimumSupport how many other clients must have bought two products together before one is suggested
     *                       for the other
     * @param replenishEarly how many days before a product runs out (by its {@code lastsDays}) it is suggested again
     */
    public record Recommendations(
            @DefaultValue("5m") Duration cacheFor,
            @DefaultValue("3") int minimumSupport,
            @DefaultValue("7") int replenishEarly) {}

    /**
     * @param historyDays how many past days of sales and use set the daily consumption
     * @param coverDays   how many days of stock a suggestion aims to have on hand after it arrives
     * @param aheadDays   how far ahead booked appointments of services that consume a product are counted
     */
    public record Reorder(
            @DefaultValue("90") int historyDays,
            @DefaultValue("30") int coverDays,
            @DefaultValue("30") int aheadDays) {}
}
