/**
 * What a client records about their own wellbeing between visits (validated assessments with safety routing,
 * mood entries with their statistics and insights) and whom they let see it: staff read a category only while
 * the client shares it, and every staff read is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care")
@io.wellbase.platform.data.OwnsTables({
    "care_sharing",
    "assessments",
    "mood_entries",
    "breathing_techniques",
    "breathing_sessions",
    "achievements",
    "client_achievements",
    "programs",
    "program_modules",
    "program_enrollments",
    "module_completions",
    "treatment_plans",
    "treatment_milestones",
    "consultations",
    "ai_sessions",
    "questionnaires",
    "food_entries",
    "skin_analyses"
})
@io.wellbase.platform.data.PublishesViews({"report_module_completions", "report_treatment_services"})
@org.jspecify.annotations.NullMarked
package io.wellbase.care;
