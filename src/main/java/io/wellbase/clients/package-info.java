/**
 * The CRM: clients (students, members, patients), tags, notes, alerts and typed custom fields,
 * with filters, facets, duplicate detection and merging.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clients")
package io.wellbase.clients;
