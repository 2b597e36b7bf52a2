package io.wellbase.files.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs and checks local download links: HMAC-SHA256 over the file id and the expiry, with the
 * installation's key from {@code file_link_keys}, so that every node accepts every node's links.
 */
@Component
public class LinkSigner {

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile byte[] key;

    @org.springframework.beans.factory.annotation.Autowired
    LinkSigner(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    LinkSigner(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String sign(String fileId, long expiresEpochSecond) {
        return HexFormat.of().formatHex(mac(fileId + ":" + expiresEpochSecond));
    }

    /** True when the signature is this file's and the link has not expired. */
    boolean verify(String fileId, long expiresEpochSecond, String signature) {
        if (signature == null || expiresEpochSecond < clock.instant().getEpochSecond()) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(fileId + ":" + expiresEpochSecond));
    }

    private byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            k = jdbc.sql("SELECT secret FROM file_link_keys WHERE id = 1")
                    .query(byte[].class)
                    .single();
            key = k;
        }
        return k;
    }
}
