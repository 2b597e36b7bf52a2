/**
 * Tenants (a studio, practice or company), their locations and rooms, staff members with their
 * roles, and invitations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organizations")
@io.wellbase.platform.data.OwnsTables({
    "organizations",
    "org_members",
    "locations",
    "rooms",
    "invitations",
    "client_portal_settings",
    "organization_removals",
    "organization_settings"
})
@io.wellbase.platform.data.PublishesViews({"report_organizations", "report_locations", "report_org_members"})
@org.jspecify.annotations.NullMarked
package io.wellbase.organizations;
