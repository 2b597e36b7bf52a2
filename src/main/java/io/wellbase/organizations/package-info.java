/**
 * Tenants (a studio, practice or company), their locations and rooms, staff members with their
 * roles, and invitations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organizations")
package io.wellbase.organizations;
