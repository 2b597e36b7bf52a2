/**
 * Figures about the business: a semantic layer of metrics and dimensions (the one way figures are computed),
 * dashboards, analytics queries and exports, and questions in plain language answered through that layer.
 * Reads the other modules' published views, never their tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights")
@io.wellbase.platform.data.OwnsTables({
    "churn_models",
    "churn_scores",
    "analytics_events",
    "analytics_settings",
    "engagement_scores",
    "insight_daily_attendance",
    "insight_daily_sessions",
    "insight_daily_totals",
    "insight_daily_locations",
    "insight_rollup_state",
    "insight_question_counts"
})
@io.wellbase.platform.data.PublishesViews({"insight_engagement_scores"})
@org.jspecify.annotations.NullMarked
package io.wellbase.insights;
