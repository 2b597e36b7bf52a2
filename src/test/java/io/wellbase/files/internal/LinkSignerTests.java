package io.wellbase.files.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class LinkSignerTests {

    private final Instant now = Instant.parse("2026-11-24T10:00:00Z");

    private LinkSigner signer(byte[] key) {
        JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
        when(jdbc.sql(anyString()).query(byte[].class).single()).thenReturn(key);
        return new LinkSigner(jdbc, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aLinkIsValidForItsFileUntilItExpires() {
        LinkSigner signer = signer(new byte[32]);
        long expires = now.getEpochSecond() + 300;
        String signature = signer.sign("file-1", expires);
        assertThat(signer.verify("file-1", expires, signature)).isTrue();
        assertThat(signer.verify("file-2", expires, signature)).isFalse();
        assertThat(signer.verify("file-1", expires + 1, signature)).isFalse();
        assertThat(signer.verify("file-1", expires, "zz-not-hex")).isFalse();
        assertThat(signer.verify("file-1", expires, null)).isFalse();
        long past = now.getEpochSecond() - 1;
        assertThat(signer.verify("file-1", past, signer.sign("file-1", past))).isFalse();
    }

    @Test
    void anotherInstallationsKeySignsDifferently() {
        long expires = now.getEpochSecond() + 300;
        byte[] other = new byte[32];
        other[0] = 1;
        assertThat(signer(new byte[32]).sign("f", expires))
                .isNotEqualTo(signer(other).sign("f", expires));
    }
}
