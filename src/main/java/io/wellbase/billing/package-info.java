/**
 * Money taken and given back: payments through a provider (by hand, or the organization's own Stripe account),
 * refunds never above what was captured, invoices and credit notes numbered without gaps, the ledger of Stripe's
 * webhook events, dunning of failed renewals, and the platform tier each organization runs on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing")
@io.wellbase.platform.data.OwnsTables({
    "billing_stripe_accounts",
    "billing_settings",
    "billing_customers",
    "payments",
    "payment_refunds",
    "invoice_sequences",
    "invoices",
    "invoice_lines",
    "stripe_events",
    "dunning_cases",
    "organization_tiers"
})
@io.wellbase.platform.data.PublishesViews({"report_payments", "report_payment_refunds"})
@org.jspecify.annotations.NullMarked
package io.wellbase.billing;
