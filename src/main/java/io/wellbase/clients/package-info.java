/**
 * The CRM: clients (students, members, patients), tags, notes, alerts and typed custom fields,
 * with filters, facets, duplicate detection and merging.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clients")
@io.wellbase.platform.data.OwnsTables({
    "clients",
    "client_tags",
    "client_notes",
    "client_alerts",
    "client_field_definitions",
    "client_accounts",
    "client_portal_invitations",
    "onboarding_steps",
    "client_onboarding"
})
@io.wellbase.platform.data.PublishesViews({"report_clients"})
@org.jspecify.annotations.NullMarked
package io.wellbase.clients;
