/**
 * Membership plans, class packs and a credit ledger, client memberships with freezes, renewals
 * and cancellations, and the sales that record their revenue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Memberships")
package io.wellbase.memberships;
