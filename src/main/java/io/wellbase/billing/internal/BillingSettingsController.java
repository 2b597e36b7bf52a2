package io.wellbase.billing.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.audit.AuditChange;
import io.wellbase.audit.AuditRecord;
import io.wellbase.audit.AuditTrail;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import io.wellbase.platform.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organization's invoice details and dunning policy. */
@RestController
@Tag(name = "Billing")
class BillingSettingsController {

    private final BillingSettings settings;
    private final AuditTrail audit;

    BillingSettingsController(BillingSettings settings, AuditTrail audit) {
        this.settings = settings;
        this.audit = audit;
    }

    record SettingsBody(
            @Nullable String invoicePrefix,
            @Nullable Integer taxRateBp,
            @Nullable String taxId,
            @Nullable String address,
            @Nullable List<Integer> retryDays,
            @Nullable Integer graceDays,
            @Nullable String finalAction) {}

    @GetMapping("/api/v1/billing/settings")
    @RequiresPermission(Permission.BILLING_MANAGE)
    @Operation(summary = "Invoice details (prefix, tax rate in basis points, tax id, address) and the dunning policy")
    @Transactional(readOnly = true)
    BillingSettings.Settings show(Caller caller) {
        return settings.of(caller.requireOrganization());
    }

    @PutMapping("/api/v1/billing/settings")
    @RequiresPermission(Permission.BILLING_MANAGE)
    @Operation(summary = "Change invoice details and the dunning policy; fields left out keep their value")
    @Transactional
    BillingSettings.Settings change(Caller caller, @RequestBody SettingsBody b) {
        var org = caller.requireOrganization();
        var current = settings.of(org);
        List<ApiException.FieldError> errors = new ArrayList<>();
        String prefix = b.invoicePrefix() == null
                ? current.invoicePrefix()
                : b.invoicePrefix().strip();
        if (!prefix.matches("[A-Za-z0-9-]{0,12}")) {
            errors.add(new ApiException.FieldError("invoicePrefix", "up to 12 letters, digits or dashes"));
        }
        int tax = b.taxRateBp() == null ? current.taxRateBp() : b.taxRateBp();
        if (tax < 0 || tax > 10000) {
            errors.add(new ApiException.FieldError("taxRateBp", "must be between 0 and 10000 (basis points)"));
        }
        List<Integer> retries = b.retryDays() == null ? current.retryDays() : b.retryDays();
        boolean increasing = true;
        for (int i = 0; i < retries.size(); i++) {
            Integer d = retries.get(i);
            if (d == null || d < 1 || d > 60 || (i > 0 && d <= retries.get(i - 1))) {
                increasing = false;
            }
        }
        if (retries.size() > 8 || !increasing) {
            errors.add(new ApiException.FieldError("retryDays", "up to 8 increasing days between 1 and 60"));
        }
        int grace = b.graceDays() == null ? current.graceDays() : b.graceDays();
        if (grace < 0 || grace > 90) {
            errors.add(new ApiException.FieldError("graceDays", "must be between 0 and 90"));
        }
        String action = b.finalAction() == null ? current.finalAction() : b.finalAction();
        if (!action.equals("pause") && !action.equals("cancel")) {
            errors.add(new ApiException.FieldError("finalAction", "must be pause or cancel"));
        }
        String taxId = b.taxId() == null ? current.taxId() : b.taxId().strip();
        String address = b.address() == null ? current.address() : b.address().strip();
        if (taxId != null && taxId.length() > 40) {
            errors.add(new ApiException.FieldError("taxId", "must have at most 40 characters"));
        }
        if (address != null && address.length() > 500) {
            errors.add(new ApiException.FieldError("address", "must have at most 500 characters"));
        }
        ApiException.throwIfInvalid(errors);
        var next = new BillingSettings.Settings(prefix, tax, taxId, address, List.copyOf(retries), grace, action);
        settings.save(org, next);
        audit.record(AuditRecord.of(
                        org,
                        "billing.settings_changed",
                        "organization",
                        org,
                        Map.of("settings", new AuditChange(current.toString(), next.toString())))
                .byActor(caller.userId()));
        return next;
    }
}
