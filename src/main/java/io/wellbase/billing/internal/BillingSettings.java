package io.wellbase.billing.internal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per organization: what its invoices show (prefix, tax rate, tax id, address) and its dunning policy (the days
 * after the first failure on which a renewal is retried, the grace after the last retry, then pause or cancel).
 * An organization that set nothing has the defaults: no prefix, no tax, retries after 2, 5 and 9 days, 3 days'
 * grace, then pause.
 */
@Component
public class BillingSettings {

    private final JdbcClient jdbc;

    BillingSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Settings(
            String invoicePrefix,
            int taxRateBp,
            @Nullable String taxId,
            @Nullable String address,
            List<Integer> retryDays,
            int graceDays,
            String finalAction) {}

    public static final Settings DEFAULTS = new Settings("", 0, null, null, List.of(2, 5, 9), 3, "pause");

    public Settings of(UUID org) {
        return jdbc.sql("""
                SELECT invoice_prefix, tax_rate_bp, tax_id, address, retry_days, grace_days, final_action
                FROM billing_settings WHERE org_id = :org
                """)
                .param("org", org)
                .query((rs, n) -> new Settings(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        Arrays.stream((Integer[]) rs.getArray(5).getArray()).toList(),
                        rs.getInt(6),
                        rs.getString(7)))
                .optional()
                .orElse(DEFAULTS);
    }

    public void save(UUID org, Settings s) {
        jdbc.sql("""
                INSERT INTO billing_settings (org_id, invoice_prefix, tax_rate_bp, tax_id, address, retry_days, grace_days,
                    final_action)
                VALUES (:org, :prefix, :tax, :taxId, :address, CAST(:retry AS int[]), :grace, :action)
                ON CONFLICT (org_id) DO UPDATE SET invoice_prefix = excluded.invoice_prefix,
                    tax_rate_bp = excluded.tax_rate_bp, tax_id = excluded.tax_id, address = excluded.address,
                    retry_days = excluded.retry_days, grace_days = excluded.grace_days,
                    final_action = excluded.final_action, updated_at = now()
                """)
                .param("org", org)
                .param("prefix", s.invoicePrefix())
                .param("tax", s.taxRateBp())
                .param("taxId", s.taxId())
                .param("address", s.address())
                .param(
                        "retry",
                        "{"
                                + String.join(
                                        ",",
                                        s.retryDays().stream()
                                                .map(String::valueOf)
                                                .toList()) + "}")
                .param("grace", s.graceDays())
                .param("action", s.finalAction())
                .update();
    }
}
