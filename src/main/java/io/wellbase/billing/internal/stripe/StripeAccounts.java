package io.wellbase.billing.internal.stripe;

import io.wellbase.identity.SecretsAtRest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The organizations' own Stripe accounts: the secret key and the webhook signing secret sealed at rest (bound to
 * the organization, so a sealed key cannot be copied to another one's row), opened only to talk to Stripe.
 */
@Component
public class StripeAccounts {

    private final JdbcClient jdbc;
    private final SecretsAtRest secrets;

    StripeAccounts(JdbcClient jdbc, SecretsAtRest secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /** A connected account as the API shows it: never the secrets, only the key's last characters. */
    public record Connection(
            String keyHint, boolean livemode, @Nullable String publishableKey, OffsetDateTime connectedAt) {}

    /** The opened secrets, for the client and the webhook check. */
    public record Keys(String secretKey, String webhookSecret, boolean livemode) {}

    void connect(UUID org, String secretKey, String webhookSecret, @Nullable String publishableKey, UUID by) {
        jdbc.sql("""
                INSERT INTO billing_stripe_accounts (org_id, secret_key_sealed, webhook_secret_sealed, publishable_key,
                    key_hint, livemode, connected_by)
                VALUES (:org, :key, :hook, :pk, :hint, :live, :by)
                ON CONFLICT (org_id) DO UPDATE SET secret_key_sealed = excluded.secret_key_sealed,
                    webhook_secret_sealed = excluded.webhook_secret_sealed, publishable_key = excluded.publishable_key,
                    key_hint = excluded.key_hint, livemode = excluded.livemode, connected_by = excluded.connected_by,
                    connected_at = now()
                """)
                .param("org", org)
                .param("key", seal(org, "secret", secretKey))
                .param("hook", seal(org, "webhook", webhookSecret))
                .param("pk", publishableKey)
                .param("hint", "…" + secretKey.substring(Math.max(0, secretKey.length() - 4)))
                .param("live", secretKey.startsWith("sk_live_") || secretKey.startsWith("rk_live_"))
                .param("by", by)
                .update();
    }

    boolean disconnect(UUID org) {
        return jdbc.sql("DELETE FROM billing_stripe_accounts WHERE org_id = :org")
                        .param("org", org)
                        .update()
                == 1;
    }

    public Optional<Connection> connection(UUID org) {
        return jdbc.sql("""
                SELECT key_hint, livemode, publishable_key, connected_at FROM billing_stripe_accounts WHERE org_id = :org
                """)
                .param("org", org)
                .query((rs, n) -> new Connection(
                        rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
                .optional();
    }

    public Optional<Keys> keys(UUID org) {
        return jdbc.sql("""
                SELECT secret_key_sealed, webhook_secret_sealed, livemode FROM billing_stripe_accounts WHERE org_id = :org
                """)
                .param("org", org)
                .query((rs, n) -> new Keys(
                        open(org, "secret", rs.getBytes(1)), open(org, "webhook", rs.getBytes(2)), rs.getBoolean(3)))
                .optional();
    }

    private byte[] seal(UUID org, String what, String secret) {
        return secrets.seal("stripe:" + what + ":" + org, secret.getBytes(StandardCharsets.UTF_8));
    }

    private String open(UUID org, String what, byte[] sealed) {
        return new String(secrets.open("stripe:" + what + ":" + org, sealed), StandardCharsets.UTF_8);
    }
}
