package io.wellbase.insights;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the insights module ({@code wellbase.insights.*}).
 *
 * @param queryTimeout the statement timeout of every analytics query and question, in a read-only transaction
 * @param maxGroups    the most groups one statement of a query may return before the query is refused as too broad
 * @param atRiskDays   a member with no visit for this many days counts as at risk on the home summary, until the
 *                     churn model says otherwise
 */
@ConfigurationProperties("wellbase.insights")
public record InsightsProperties(
        @DefaultValue("5s") Duration queryTimeout,
        @DefaultValue("20000") int maxGroups,
        @DefaultValue("21") int atRiskDays) {}
