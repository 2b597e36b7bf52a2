package io.wellbase.billing.internal.invoices;

import io.wellbase.billing.InvoiceIssued;
import io.wellbase.billing.internal.BillingSettings;
import io.wellbase.billing.internal.payments.Payment;
import io.wellbase.billing.internal.payments.Refund;
import io.wellbase.memberships.MembershipCharges;
import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.web.PublicUrl;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The invoices that payments and refunds make: a paid invoice for every succeeded payment (or the open invoice it
 * paid marked paid), an open one for a renewal in dunning, a credit note for every succeeded refund. Numbers come
 * from the organization's sequence of the kind and the year in its own time zone. Each is issued once.
 */
@Component
public class Invoicing {

    private final InvoiceStore store;
    private final BillingSettings settings;
    private final OrganizationProfiles organizations;
    private final ApplicationEventPublisher events;
    private final PublicUrl urls;
    private final Clock clock;

    Invoicing(
            InvoiceStore store,
            BillingSettings settings,
            OrganizationProfiles organizations,
            ApplicationEventPublisher events,
            PublicUrl urls,
            Clock clock) {
        this.store = store;
        this.settings = settings;
        this.organizations = organizations;
        this.events = events;
        this.urls = urls;
        this.clock = clock;
    }

    public Optional<Invoice> payable(UUID org, UUID invoiceId) {
        return store.find(org, invoiceId);
    }

    /** The payment succeeded: the open invoice it paid becomes paid, or a paid invoice is issued for it. */
    public void paidBy(UUID org, Payment p) {
        if (store.idWhere(org, "payment_id", p.id()).isPresent()) {
            return;
        }
        Optional<UUID> open = p.invoiceId() != null
                ? Optional.of(p.invoiceId())
                : p.membershipChargeId() != null
                        ? store.idWhere(org, "membership_charge_id", p.membershipChargeId())
                        : Optional.empty();
        if (open.isPresent()) {
            if (store.move(org, open.get(), List.of("open", "uncollectible"), "paid", p.id())) {
                announce(org, open.get());
            }
            return;
        }
        var s = settings.of(org);
        UUID id = store.insert(
                org,
                new InvoiceStore.NewInvoice(
                        "invoice",
                        "paid",
                        p.clientId(),
                        p.id(),
                        null,
                        null,
                        p.membershipChargeId(),
                        p.currency(),
                        s.taxRateBp(),
                        List.of(new Invoice.Line(p.description(), 1, p.captured(), p.captured()))),
                s.invoicePrefix(),
                year(org));
        announce(org, id);
    }

    /** An open invoice for a renewal charge the card did not pay (once per charge). */
    public void openFor(UUID org, MembershipCharges.DueCharge charge) {
        if (store.idWhere(org, "membership_charge_id", charge.chargeId()).isPresent()) {
            return;
        }
        var s = settings.of(org);
        UUID id = store.insert(
                org,
                new InvoiceStore.NewInvoice(
                        "invoice",
                        "open",
                        charge.clientId(),
                        null,
                        null,
                        null,
                        charge.chargeId(),
                        charge.currency(),
                        s.taxRateBp(),
                        List.of(new Invoice.Line(
                                charge.planName() + " " + charge.periodStart() + " – " + charge.periodEnd(),
                                1,
                                charge.amount(),
                                charge.amount()))),
                s.invoicePrefix(),
                year(org));
        announce(org, id);
    }

    /** The renewal was given up after dunning: its open invoice is uncollectible. */
    public void uncollectible(UUID org, UUID chargeId) {
        store.idWhere(org, "membership_charge_id", chargeId)
                .ifPresent(id -> store.move(org, id, List.of("open"), "uncollectible", null));
    }

    /** A credit note for a refund that succeeded, crediting the payment's invoice (once per refund). */
    public void creditNoteFor(UUID org, Payment p, Refund refund) {
        if (store.creditNoteFor(org, refund.id()).isPresent()) {
            return;
        }
        var s = settings.of(org);
        UUID credited = store.idWhere(org, "payment_id", p.id()).orElse(null);
        String reason = refund.reason() == null ? "" : ": " + refund.reason();
        UUID id = store.insert(
                org,
                new InvoiceStore.NewInvoice(
                        "credit_note",
                        "paid",
                        p.clientId(),
                        p.id(),
                        refund.id(),
                        credited,
                        null,
                        p.currency(),
                        s.taxRateBp(),
                        List.of(new Invoice.Line(
                                "Refund of " + p.description() + reason, 1, refund.amount(), refund.amount()))),
                s.invoicePrefix(),
                year(org));
        announce(org, id);
    }

    /** A credit note owed to a client with no payment to refund it against (paid back by hand); answers its id. */
    public UUID credit(UUID org, UUID clientId, String currency, String description, long amount) {
        var s = settings.of(org);
        UUID id = store.insert(
                org,
                new InvoiceStore.NewInvoice(
                        "credit_note",
                        "open",
                        clientId,
                        null,
                        null,
                        null,
                        null,
                        currency,
                        s.taxRateBp(),
                        List.of(new Invoice.Line(description, 1, amount, amount))),
                s.invoicePrefix(),
                year(org));
        announce(org, id);
        return id;
    }

    /** A draft written by staff: no number until it is issued. */
    public UUID draft(UUID org, UUID clientId, String currency, List<Invoice.Line> lines) {
        var s = settings.of(org);
        return store.insert(
                org,
                new InvoiceStore.NewInvoice(
                        "invoice", "draft", clientId, null, null, null, null, currency, s.taxRateBp(), lines),
                s.invoicePrefix(),
                year(org));
    }

    /** Issues a draft (it takes the next number and is emailed); false when it is not a draft. */
    public boolean issue(UUID org, UUID id) {
        var invoice = store.find(org, id);
        if (invoice.isEmpty() || !invoice.get().status().equals("draft")) {
            return false;
        }
        store.issue(org, id, invoice.get().kind(), settings.of(org).invoicePrefix(), year(org), "open");
        announce(org, id);
        return true;
    }

    /** Withdraws a draft or an open invoice; false when it is paid, void or uncollectible. */
    public boolean voidInvoice(UUID org, UUID id) {
        return store.move(org, id, List.of("draft", "open"), "void", null);
    }

    public Optional<Invoice> find(UUID org, UUID id) {
        return store.find(org, id);
    }

    int year(UUID org) {
        ZoneId zone =
                organizations.find(org).map(OrganizationProfiles.Profile::zone).orElse(clock.getZone());
        return ZonedDateTime.now(clock.withZone(zone)).getYear();
    }

    private void announce(UUID org, UUID id) {
        var invoice = store.find(org, id).orElseThrow();
        if (invoice.clientId() != null && invoice.number() != null) {
            events.publishEvent(new InvoiceIssued(
                    org,
                    id,
                    invoice.clientId(),
                    invoice.kind(),
                    invoice.number(),
                    invoice.total(),
                    invoice.currency(),
                    urls.base() + "/api/v1/portal/invoices/" + id + "/pdf"));
        }
    }
}
