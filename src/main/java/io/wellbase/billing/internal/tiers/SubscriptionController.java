package io.wellbase.billing.internal.tiers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.platform.plans.Feature;
import io.wellbase.platform.plans.Limit;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.Permission;
import io.wellbase.platform.security.RequiresPermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The organization's platform tier: its features, and its usage against the tier's limits. */
@RestController
@Tag(name = "Billing")
class SubscriptionController {

    private final Tiers tiers;

    SubscriptionController(Tiers tiers) {
        this.tiers = tiers;
    }

    /** One limit: used now (this month for monthly ones), allowed ({@code null}: unlimited). */
    record Usage(
            String limit,
            boolean monthly,
            long used,
            @Nullable Long allowed) {}

    record Subscription(String tier, boolean enforced, List<String> features, List<Usage> usage) {}

    @GetMapping("/api/v1/subscription")
    @RequiresPermission(Permission.BILLING_MANAGE)
    @Operation(summary = "The organization's platform tier, its features and usage against its limits")
    @Transactional(readOnly = true)
    Subscription subscription(Caller caller) {
        UUID org = caller.requireOrganization();
        Tiers.Applied applied = tiers.applied(org);
        List<String> features = Arrays.stream(Feature.values())
                .filter(applied::allows)
                .map(Feature::value)
                .toList();
        return new Subscription(applied.name(), applied.enforced(), features, usage(org, applied));
    }

    @GetMapping("/api/v1/usage")
    @RequiresPermission(Permission.BILLING_MANAGE)
    @Operation(summary = "Usage against the tier's limits: staff seats, active clients, locations, monthly ones")
    @Transactional(readOnly = true)
    List<Usage> usage(Caller caller) {
        UUID org = caller.requireOrganization();
        return usage(org, tiers.applied(org));
    }

    private List<Usage> usage(UUID org, Tiers.Applied applied) {
        List<Usage> out = new ArrayList<>();
        for (Limit limit : Limit.values()) {
            if (!tiers.metered(limit)) {
                continue;
            }
            out.add(new Usage(limit.value(), limit.monthly(), tiers.usage(org, limit), applied.allowed(limit)));
        }
        return out;
    }
}
