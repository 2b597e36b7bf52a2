package io.wellbase.billing.internal.invoices;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.billing.internal.BillingRefusal;
import io.wellbase.billing.internal.BillingSettings;
import io.wellbase.clients.ClientAccounts;
import io.wellbase.clients.ClientDirectory;
import io.wellbase.organizations.OrganizationProfiles;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.PageResult;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.SortSpec;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Invoices and credit notes: staff list them, draft one by hand, issue it (its number is taken then) or void it,
 * and download any as PDF; a client lists and downloads their own.
 */
@RestController
@Tag(name = "Billing")
class InvoicesController {

    static final SortSpec SORT = SortSpec.of(Map.of("createdAt", "created_at"), "-createdAt", "id DESC");
    private static final Set<String> STATUSES = Set.of("draft", "open", "paid", "void", "uncollectible");

    private final InvoiceStore store;
    private final Invoicing invoicing;
    private final BillingSettings settings;
    private final OrganizationProfiles organizations;
    private final ClientDirectory clients;
    private final ClientAccounts accounts;
    private final AuditTrail audit;

    InvoicesController(
            InvoiceStore store,
            Invoicing invoicing,
            BillingSettings settings,
            OrganizationProfiles organizations,
            ClientDirectory clients,
            ClientAccounts accounts,
            AuditTrail audit) {
        this.store = store;
        this.invoicing = invoicing;
        this.settings = settings;
        this.organizations = organizations;
        this.clients = clients;
        this.accounts = accounts;
        this.audit = audit;
    }

    record LineBody(
            @Nullable String description,
            @Nullable Integer quantity,
            @Nullable Number unitAmount) {}

    record DraftBody(@Nullable UUID clientId, @Nullable List<LineBody> lines) {}

    @GetMapping("/api/v1/invoices")
    @RequiresPermission(Permission.PAYMENT_TAKE)
    @Operation(summary = "Invoices and credit notes, newest first; filter by clientId and status")
    @Transactional(readOnly = true)
    PageResult<Invoice> list(
            Caller caller,
            @RequestParam(required = false) @Nullable UUID clientId,
            @RequestParam(required = false) @Nullable String status,
            @Paged PageQuery page) {
        UUID org = caller.requireOrganization();
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.invalidField("status", "draft, open, paid, void or uncollectible");
        }
        return PageResult.of(
                store.list(org, clientId, status, page.pageSize(), page.offset()),
                page,
                store.count(org, clientId, status));
    }

    @GetMapping("/api/v1/invoices/{id}")
    @RequiresPermission(Permission.PAYMENT_TAKE)
    @Operation(summary = "One invoice or credit note with its lines")
    @Transactional(readOnly = true)
    Invoice get(Caller caller, @PathVariable UUID id) {
        return store.find(caller.requireOrganization(), id).orElseThrow(() -> ApiException.notFound("invoice"));
    }

    @GetMapping(value = "/api/v1/invoices/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @RequiresPermission(Permission.PAYMENT_TAKE)
    @Operation(summary = "The invoice or credit note as a PDF")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> pdf(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        return pdfOf(org, store.find(org, id).orElseThrow(() -> ApiException.notFound("invoice")));
    }

    @PostMapping("/api/v1/invoices")
    @RequiresPermission(Permission.PAYMENT_TAKE)
    @Operation(summary = "Draft an invoice for a client (amounts include tax); it has no number until issued")
    @Transactional
    ResponseEntity<Invoice> draft(Caller caller, @RequestBody DraftBody b) {
        UUID org = caller.requireOrganization();
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (b.clientId() == null || clients.find(org, b.clientId()).isEmpty()) {
            errors.add(new ApiException.FieldError("clientId", "must be a client of this organization"));
        }
        List<Invoice.Line> lines = new ArrayList<>();
        if (b.lines() == null || b.lines().isEmpty() || b.lines().size() > 100) {
            errors.add(new ApiException.FieldError("lines", "must have 1 to 100 lines"));
        } else {
            for (int i = 0; i < b.lines().size(); i++) {
                LineBody l = b.lines().get(i);
                String field = "lines[" + i + "]";
                int quantity = l.quantity() == null ? 1 : l.quantity();
                boolean whole = l.unitAmount() instanceof Integer || l.unitAmount() instanceof Long;
                if (l.description() == null
                        || l.description().isBlank()
                        || l.description().length() > 200) {
                    errors.add(new ApiException.FieldError(field + ".description", "must have 1 to 200 characters"));
                } else if (quantity < 1 || quantity > 10_000) {
                    errors.add(new ApiException.FieldError(field + ".quantity", "must be between 1 and 10000"));
                } else if (!whole
                        || l.unitAmount().longValue() < 0
                        || l.unitAmount().longValue() > 100_000_000L) {
                    errors.add(new ApiException.FieldError(
                            field + ".unitAmount", "must be a whole number of minor units up to 100000000"));
                } else {
                    long unit = l.unitAmount().longValue();
                    lines.add(new Invoice.Line(l.description().strip(), quantity, unit, unit * quantity));
                }
            }
        }
        ApiException.throwIfInvalid(errors);
        String currency = organizations.find(org).orElseThrow().currency();
        UUID id = invoicing.draft(org, b.clientId(), currency, lines);
        audit.record(
                AuditRecord.of(org, "invoice.drafted", "invoice", id, Map.of()).byActor(caller.userId()));
        return ResponseEntity.created(URI.create("/api/v1/invoices/" + id))
                .body(store.find(org, id).orElseThrow());
    }

    @PostMapping("/api/v1/invoices/{id}/issue")
    @RequiresPermission(Permission.PAYMENT_TAKE)
    @Operation(summary = "Issue a draft: it takes the next number of the year and is emailed to the client")
    @Transactional
    Invoice issue(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        store.find(org, id).orElseThrow(() -> ApiException.notFound("invoice"));
        if (!invoicing.issue(org, id)) {
            throw new BillingRefusal(BillingRefusal.Reason.INVOICE_WRONG_STATUS, "Only a draft can be issued");
        }
        audit.record(
                AuditRecord.of(org, "invoice.issued", "invoice", id, Map.of("status", new AuditChange("draft", "open")))
                        .byActor(caller.userId()));
        return store.find(org, id).orElseThrow();
    }

    @PostMapping("/api/v1/invoices/{id}/void")
    @RequiresPermission(Permission.PAYMENT_TAKE)
    @Operation(summary = "Void a draft or an open invoice (its number stays used); a paid one is corrected by a refund")
    @Transactional
    Invoice voidInvoice(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        var before = store.find(org, id).orElseThrow(() -> ApiException.notFound("invoice"));
        if (!invoicing.voidInvoice(org, id)) {
            throw new BillingRefusal(
                    BillingRefusal.Reason.INVOICE_WRONG_STATUS, "Only a draft or an open invoice can be voided");
        }
        audit.record(AuditRecord.of(
                        org,
                        "invoice.voided",
                        "invoice",
                        id,
                        Map.of("status", new AuditChange(before.status(), "void")))
                .byActor(caller.userId()));
        return store.find(org, id).orElseThrow();
    }

    @GetMapping("/api/v1/portal/invoices")
    @Operation(summary = "The signed-in client's own invoices and credit notes (drafts are not shown)")
    @Transactional(readOnly = true)
    PageResult<Invoice> mine(Caller caller, @Paged PageQuery page) {
        UUID org = caller.requireOrganization();
        UUID self = accounts.requireSelf(caller);
        return PageResult.of(
                store.list(org, self, "issued", page.pageSize(), page.offset()),
                page,
                store.count(org, self, "issued"));
    }

    @GetMapping(value = "/api/v1/portal/invoices/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "One of the signed-in client's invoices as a PDF")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> myPdf(Caller caller, @PathVariable UUID id) {
        UUID org = caller.requireOrganization();
        UUID self = accounts.requireSelf(caller);
        var invoice = store.find(org, id)
                .filter(i -> self.equals(i.clientId()) && !i.status().equals("draft"))
                .orElseThrow(() -> ApiException.notFound("invoice"));
        return pdfOf(org, invoice);
    }

    private ResponseEntity<byte[]> pdfOf(UUID org, Invoice invoice) {
        var profile = organizations.find(org).orElseThrow();
        String client = invoice.clientId() == null
                ? "—"
                : clients.find(org, invoice.clientId())
                        .map(c -> c.firstName() + " " + c.lastName())
                        .orElse("—");
        byte[] pdf = InvoicePdf.render(
                invoice, new InvoicePdf.Parties(profile.name(), settings.of(org), client, profile.zone()));
        String name = (invoice.number() == null ? "draft-" + invoice.id() : invoice.number()) + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(pdf);
    }
}
