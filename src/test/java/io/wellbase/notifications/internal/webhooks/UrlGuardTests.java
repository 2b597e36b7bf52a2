package io.wellbase.notifications.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.notifications.NotificationsProperties;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlGuardTests {

    private static UrlGuard guard(boolean requireHttps, List<String> allowed) {
        return new UrlGuard(new NotificationsProperties(
                Duration.ofSeconds(5),
                200,
                8,
                Duration.ofSeconds(30),
                Duration.ofHours(6),
                new NotificationsProperties.Webhooks(requireHttps, allowed, Duration.ofSeconds(15)),
                new NotificationsProperties.Twilio("", "", "", "https://api.twilio.com"),
                new io.wellbase.notifications.NotificationsProperties.Push(""),
                Duration.ofDays(8),
                Duration.ofDays(90)));
    }

    @Test
    void productionRefusesPlainHttpAndEveryInternalAddress() {
        UrlGuard guard = guard(true, List.of());
        assertThat(guard.refusal("http://93.184.216.34/hook")).contains("must use https");
        for (String url : List.of(
                "https://127.0.0.1/hook",
                "https://localhost/hook",
                "https://10.1.2.3/",
                "https://172.16.0.1/",
                "https://192.168.0.10/",
                "https://169.254.169.254/latest/meta-data",
                "https://100.64.0.1/",
                "https://0.0.0.0/",
                "https://[::1]/",
                "https://[fd00::1]/",
                "https://[fe80::1]/",
                "https://[::ffff:10.0.0.1]/")) {
            assertThat(guard.refusal(url)).as(url).isPresent();
        }
        assertThat(guard.refusal("https://93.184.216.34/hook")).isEmpty();
        assertThat(guard.refusal("https://[2606:4700::1111]/hook")).isEmpty();
    }

    @Test
    void theAllowListLetsALocalReceiverThroughAndNothingElse() {
        UrlGuard guard = guard(false, List.of("127.0.0.1"));
        assertThat(guard.refusal("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(guard.refusal("http://localhost:8080/hook")).isPresent();
        assertThat(guard.refusal("http://10.0.0.1/hook")).isPresent();
    }

    @Test
    void publicAddressesArePublic() throws Exception {
        assertThat(UrlGuard.isPublic(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(UrlGuard.isPublic(InetAddress.getByName("198.18.0.1"))).isFalse();
        assertThat(UrlGuard.isPublic(InetAddress.getByName("240.0.0.1"))).isFalse();
    }
}
