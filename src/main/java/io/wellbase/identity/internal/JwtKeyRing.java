package io.wellbase.identity.internal;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys that sign access tokens, kept in the database so that every node signs and verifies
 * with the same set. The newest key signs; older keys keep verifying until they are retired after
 * a rotation plus the token lifetime. Nodes reload the set every minute, or at once on an unknown
 * key id.
 */
@Component
class JwtKeyRing implements JWKSource<SecurityContext> {

    private static final Duration RELOAD_EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SigningKeyCipher cipher;
    private volatile Loaded loaded = new Loaded(List.of(), Instant.EPOCH);

    JwtKeyRing(JdbcClient jdbc, TransactionTemplate tx, SigningKeyCipher cipher) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.cipher = cipher;
    }

    /** Encrypts the private keys an earlier version stored in the clear. */
    @EventListener(ApplicationReadyEvent.class)
    void sealPlainKeys() {
        tx.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('jwt_signing_keys'))")
                    .query()
                    .singleRow();
            jdbc.sql("SELECT kid, private_key FROM jwt_signing_keys")
                    .query((rs, n) -> {
                        byte[] stored = rs.getBytes("private_key");
                        if (!SigningKeyCipher.sealed(stored)) {
                            String kid = rs.getString("kid");
                            jdbc.sql("UPDATE jwt_signing_keys SET private_key = :key WHERE kid = :kid")
                                    .param("key", cipher.seal(kid, stored))
                                    .param("kid", kid)
                                    .update();
                        }
                        return 1;
                    })
                    .list();
        });
    }

    private record Loaded(List<RSAKey> keys, Instant at) {}

    /** The key that signs new tokens; created on first use. */
    RSAKey signingKey() {
        List<RSAKey> keys = keys(false);
        if (keys.isEmpty()) {
            ensureKey();
            keys = keys(true);
        }
        return keys.getFirst();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> matches = selector.select(new JWKSet(List.copyOf(keys(false))));
        if (matches.isEmpty()) {
            matches = selector.select(new JWKSet(List.copyOf(keys(true))));
        }
        return matches;
    }

    /** The public halves, for /.well-known/jwks.json. */
    JWKSet publicKeys() {
        return new JWKSet(keys(false).stream().map(k -> (JWK) k.toPublicJWK()).toList());
    }

    /**
     * Adds a new signing key and retires keys that stopped signing longer ago than the token lifetime.
     */
    void rotate(Duration tokenLifetime) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('jwt_signing_keys'))")
                    .query()
                    .singleRow();
            insertKey();
            jdbc.sql("""
                    UPDATE jwt_signing_keys SET retired_at = now()
                    WHERE retired_at IS NULL
                      AND kid NOT IN (SELECT kid FROM jwt_signing_keys ORDER BY created_at DESC LIMIT 2)
                      AND created_at < now() - make_interval(secs => :lifetime)
                    """).param("lifetime", tokenLifetime.toSeconds()).update();
        });
        keys(true);
    }

    /** When the newest key was made, for the rotation job. */
    OffsetDateTime newestKeyCreatedAt() {
        return jdbc.sql("SELECT max(created_at) FROM jwt_signing_keys WHERE retired_at IS NULL")
                .query(OffsetDateTime.class)
                .optional()
                .orElse(null);
    }

    private void ensureKey() {
        tx.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('jwt_signing_keys'))")
                    .query()
                    .singleRow();
            Integer count = jdbc.sql("SELECT count(*) FROM jwt_signing_keys WHERE retired_at IS NULL")
                    .query(Integer.class)
                    .single();
            if (count == 0) {
                insertKey();
            }
        });
    }

    private void insertKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            jdbc.sql("INSERT INTO jwt_signing_keys (kid, private_key, public_key) VALUES (:kid, :priv, :pub)")
                    .param("kid", kid)
                    .param("priv", cipher.seal(kid, pair.getPrivate().getEncoded()))
                    .param("pub", pair.getPublic().getEncoded())
                    .update();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a signing key", e);
        }
    }

    private List<RSAKey> keys(boolean forceReload) {
        Loaded current = loaded;
        if (forceReload
                || current.keys().isEmpty()
                || current.at().plus(RELOAD_EVERY).isBefore(Instant.now())) {
            current = new Loaded(load(), Instant.now());
            loaded = current;
        }
        return current.keys();
    }

    private List<RSAKey> load() {
        return jdbc.sql("""
                SELECT kid, private_key, public_key FROM jwt_signing_keys
                WHERE retired_at IS NULL ORDER BY created_at DESC
                """)
                .query((rs, n) -> toJwk(
                        rs.getString("kid"),
                        cipher.open(rs.getString("kid"), rs.getBytes("private_key")),
                        rs.getBytes("public_key")))
                .list();
    }

    private static RSAKey toJwk(String kid, byte[] privateDer, byte[] publicDer) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicDer));
            RSAPrivateKey privateKey = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
            return new RSAKey.Builder(publicKey)
                    .privateKey(privateKey)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(com.nimbusds.jose.JWSAlgorithm.RS256)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable signing key " + kid, e);
        }
    }
}
