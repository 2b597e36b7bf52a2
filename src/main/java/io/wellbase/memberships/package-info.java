/**
 * Membership plans, class packs and a credit ledger, client memberships with freezes, renewals
 * and cancellations, and the sales that record their revenue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Memberships")
@io.wellbase.platform.data.OwnsTables({
    "membership_plans",
    "client_memberships",
    "membership_freezes",
    "credit_ledger",
    "sales",
    "sale_items",
    "sale_refunds",
    "membership_charges"
})
@io.wellbase.platform.data.PublishesViews({
    "report_membership_plans",
    "report_client_memberships",
    "report_credit_ledger",
    "report_sales",
    "report_sale_items",
    "report_sale_refunds",
    "report_membership_charges"
})
@org.jspecify.annotations.NullMarked
package io.wellbase.memberships;
