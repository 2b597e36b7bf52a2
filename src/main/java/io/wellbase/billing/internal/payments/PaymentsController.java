package io.wellbase.billing.internal.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.billing.internal.BillingRefusal;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.data.Secrets;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.RequestDates;
import io.wellbase.platform.web.SortSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payments: staff take them for an order, a membership's due renewal, an open invoice or an amount, by hand or by
 * card; refunds never pass what was captured. The Idempotency-Key of a request is passed on to Stripe, so a retry
 * never charges twice.
 */
@RestController
@Tag(name = "Billing")
class PaymentsController {

    static final SortSpec SORT = SortSpec.of(Map.of("createdAt", "created_at"), "-createdAt", "id DESC");

    private final TakePayment take;
    private final RefundPayment refunds;
    private final PaymentStore payments;
    private final RefundStore refundStore;
    private final ClientDirectory clients;
    private final ClientAccounts accounts;
    private final OrganizationProfiles organizations;
    private final io.wellbase.platform.plans.PlanGate plans;

    PaymentsController(
            TakePayment take,
            RefundPayment refunds,
            PaymentStore payments,
            RefundStore refundStore,
            ClientDirectory clients,
            ClientAccounts accounts,
            OrganizationProfiles organizations,
            io.wellbase.platform.plans.PlanGate plans) {
        this.plans = plans;
        this.take = take;
        this.refunds = refunds;
        this.payments = payments;
        this.refundStore = refundStore;
        this.clients = clients;
        this.accounts = accounts;
        this.organizations = organizations;
    }

    record PaymentBody(
            @Nullable UUID orderId,
            @Nullable UUID membershipId,
            @Nullable UUID invoiceId,
            @Nullable Number amount,
            @Nullable String description,
            @Nullable UUID clientId,
            @Nullable String method,
            @Nullable String paymentMethodId) {}

    record RefundBody(@Nullable Number amount, @Nullable String reason) {}

    /** A payment with its refunds. */
    record Detail(Payment payment, List<Refund> refunds) {}

    @PostMapping("/api/v1/payments")
    @RequiresPermission(Permission.PAYMENT_TAKE)
    @Operation(
            summary = "Take a payment for one of orderId, membershipId (its oldest due renewal), invoiceId, or amount +"
                    + " description; method card (Stripe: confirmed with paymentMethodId, else the answer's"
                    + " clientSecret is confirmed by the front end) or cash, card_terminal, bank_transfer,"
                    + " complimentary, other. A declined card is a 402 naming the stored payment")
    ResponseEntity<Payment> create(
            Caller caller,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestBody PaymentBody b) {
        UUID org = caller.requireOrganization();
        List<ApiException.FieldError> errors = new ArrayList<>();
        TakePayment.Target target = target(org, b, errors);
        String method = b.method();
        if (method == null || !(method.equals("card") || TakePayment.MANUAL_METHODS.contains(method))) {
            errors.add(new ApiException.FieldError(
                    "method", "must be card, cash, card_terminal, bank_transfer, complimentary or other"));
        }
        if (b.paymentMethodId() != null && !b.paymentMethodId().matches("pm_[A-Za-z0-9_]{1,250}")) {
            errors.add(new ApiException.FieldError("paymentMethodId", "must be a Stripe payment method id (pm_…)"));
        }
        ApiException.throwIfInvalid(errors);
        if ("card".equals(method) && !plans.allows(org, io.wellbase.platform.plans.Feature.ONLINE_PAYMENTS)) {
            throw io.wellbase.platform.plans.PlanRefusal.featureUnavailable(
                    io.wellbase.platform.plans.Feature.ONLINE_PAYMENTS);
        }
        String requestKey = key == null ? null : Secrets.sha256(caller.userId() + "\n" + org + "\n" + key);
        Payment p = take.take(
                new TakePayment.Request(org, target, method, b.paymentMethodId(), requestKey, false, caller.userId()));
        if (p.state() == PaymentStatus.FAILED) {
            throw new BillingRefusal(
                    switch (p.failureCode() == null ? "" : p.failureCode()) {
                        case "provider_unavailable" -> BillingRefusal.Reason.PROVIDER_UNAVAILABLE;
                        case "provider_refused" -> BillingRefusal.Reason.PROVIDER_REFUSED;
                        default -> BillingRefusal.Reason.CARD_DECLINED;
                    },
                    p.failureMessage() == null ? "The card was declined" : p.failureMessage(),
                    p.failureCode() == null
                            ? Map.of("paymentId", p.id())
                            : Map.of("paymentId", p.id(), "declineCode", p.failureCode()));
        }
        return ResponseEntity.created(URI.create("/api/v1/payments/" + p.id())).body(p);
    }

    @GetMapping("/api/v1/payments")
    @RequiresPermission(Permission.PAYMENT_TAKE)
    @Operation(summary = "Payments, newest first; filter by clientId, orderId, membershipId, status, from, to")
    PageResult<Payment> list(
            Caller caller,
            @RequestParam(required = false) @Nullable UUID clientId,
            @RequestParam(required = false) @Nullable UUID orderId,
            @RequestParam(required = false) @Nullable UUID membershipId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @Paged PageQuery page) {
        UUID org = caller.requireOrganization();
        if (status != null && PaymentStatus.of(status).isEmpty()) {
            throw ApiException.invalidField(
                    "status", "pending, requires_action, processing, succeeded, failed or canceled");
        }
        var f = new PaymentStore.Filter(
                clientId,
                orderId,
                membershipId,
                status,
                RequestDates.instant("from", from),
                RequestDates.instant("to", to));
        return PageResult.of(payments.list(org, f, page.pageSize(), page.offset()), page, payments.count(org, f));
    }

    @GetMapping("/api/v1/payments/{id}")
    @Operation(summary = "One payment with its refunds: staff see any, a client only their own")
    Detail get(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        Payment p = payments.find(org, id).orElseThrow(() -> ApiException.notFound("payment"));
        if (!caller.can(Permission.PAYMENT_TAKE)) {
            UUID self = accounts.requireSelf(caller);
            if (!self.equals(p.clientId())) {
                throw ApiException.notFound("payment");
            }
        }
        return new Detail(p, refundStore.of(org, id));
    }

    @PostMapping("/api/v1/payments/{id}/refund")
    @RequiresPermission(Permission.PAYMENT_REFUND)
    @Operation(summary = "Refund part or all of a succeeded payment (amount defaults to what is left to refund)")
    ResponseEntity<Refund> refund(Caller caller, @PathVariable UUID id, @RequestBody RefundBody b) {
        UUID org = caller.requireOrganization();
        Payment p = payments.find(org, id).orElseThrow(() -> ApiException.notFound("payment"));
        if (p.state() != PaymentStatus.SUCCEEDED) {
            throw new BillingRefusal(BillingRefusal.Reason.NOT_REFUNDABLE, "Only a succeeded payment can be refunded");
        }
        long amount = b.amount() == null ? p.refundable() : minor("amount", b.amount());
        if (amount <= 0) {
            throw ApiException.invalidField("amount", "must be a positive whole number of minor units");
        }
        if (b.reason() != null && b.reason().length() > 500) {
            throw ApiException.invalidField("reason", "must have at most 500 characters");
        }
        Refund r = refunds.refund(org, id, amount, b.reason(), caller.userId());
        return ResponseEntity.created(URI.create("/api/v1/payments/" + id)).body(r);
    }

    private TakePayment.Target target(UUID org, PaymentBody b, List<ApiException.FieldError> errors) {
        int named = (b.orderId() == null ? 0 : 1)
                + (b.membershipId() == null ? 0 : 1)
                + (b.invoiceId() == null ? 0 : 1)
                + (b.amount() == null ? 0 : 1);
        if (named != 1) {
            errors.add(new ApiException.FieldError(
                    "orderId", "name exactly one of orderId, membershipId, invoiceId or amount"));
            return new TakePayment.ForAmount(1, "EUR", "", null);
        }
        if (b.orderId() != null) {
            return new TakePayment.ForOrder(b.orderId());
        }
        if (b.membershipId() != null) {
            return new TakePayment.ForMembership(b.membershipId());
        }
        if (b.invoiceId() != null) {
            return new TakePayment.ForInvoice(b.invoiceId());
        }
        long amount = minor("amount", b.amount());
        if (amount <= 0 || amount > 100_000_000L) {
            errors.add(new ApiException.FieldError("amount", "must be between 1 and 100000000 minor units"));
        }
        if (b.description() == null
                || b.description().isBlank()
                || b.description().length() > 200) {
            errors.add(new ApiException.FieldError("description", "must have 1 to 200 characters"));
        }
        if (b.clientId() != null && clients.find(org, b.clientId()).isEmpty()) {
            errors.add(new ApiException.FieldError("clientId", "must be a client of this organization"));
        }
        String currency = organizations.find(org).orElseThrow().currency();
        return new TakePayment.ForAmount(
                amount, currency, b.description() == null ? "" : b.description().strip(), b.clientId());
    }

    private static long minor(String field, Number n) {
        if (n instanceof Integer || n instanceof Long) {
            return n.longValue();
        }
        throw ApiException.invalidField(field, "must be a whole number of minor units");
    }
}
