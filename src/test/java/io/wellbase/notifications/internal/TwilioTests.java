package io.wellbase.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import io.wellbase.notifications.NotificationsProperties;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PublicUrl;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The Twilio channel against a local stand-in that speaks Twilio's Messages API, and the status callback
 * with signatures computed here from Twilio's published rule (not by the code under test).
 */
class TwilioTests {

    private static final String SID = "ACtest0000000000000000000000000000";
    private static final String TOKEN = "auth-token-of-the-test-account";

    private HttpServer twilio;
    private final List<Map<String, String>> posted = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private volatile int answer = 201;

    @BeforeEach
    void start() throws Exception {
        twilio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        twilio.createContext("/2010-04-01/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            Map<String, String> form = new TreeMap<>();
            for (String pair :
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            posted.add(form);
            byte[] body = (answer == 201
                            ? "{\"sid\": \"SM" + posted.size() + "\", \"status\": \"queued\"}"
                            : "{\"code\": 20500}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        twilio.start();
    }

    @AfterEach
    void stop() {
        twilio.stop(0);
    }

    private NotificationsProperties properties() {
        return new NotificationsProperties(
                Duration.ofSeconds(2),
                200,
                8,
                Duration.ofSeconds(30),
                Duration.ofHours(6),
                new NotificationsProperties.Webhooks(true, List.of(), Duration.ofSeconds(15)),
                new NotificationsProperties.Twilio(
                        SID,
                        TOKEN,
                        "+15005550006",
                        "http://127.0.0.1:" + twilio.getAddress().getPort()),
                new NotificationsProperties.Push(""),
                Duration.ofDays(8),
                Duration.ofDays(90));
    }

    private static PublicUrl publicUrl() {
        PublicUrl url = mock(PublicUrl.class);
        when(url.base()).thenReturn("https://studio.example");
        return url;
    }

    private static Deliveries.Due sms() {
        return new Deliveries.Due(
                UUID.randomUUID(),
                UUID.randomUUID(),
                Channel.SMS,
                "session.cancelled",
                "+4915112345678",
                UUID.randomUUID(),
                null,
                Category.BOOKINGS,
                "Flow is cancelled",
                "The studio cancelled Flow.",
                0);
    }

    @Test
    void anSmsIsPostedToTheMessagesResourceWithBasicAuthAndAnswersTheMessageSid() throws Exception {
        TwilioSender sender = new TwilioSender(properties().twilio(), publicUrl());
        assertThat(sender.send(sms())).isEqualTo("SM1");
        assertThat(paths).containsExactly("/2010-04-01/Accounts/" + SID + "/Messages.json");
        assertThat(authorizations.getFirst())
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(posted.getFirst())
                .containsEntry("To", "+4915112345678")
                .containsEntry("From", "+15005550006")
                .containsEntry("Body", "Flow is cancelled\nThe studio cancelled Flow.")
                .containsEntry("StatusCallback", "https://studio.example/api/v1/notifications/twilio/status");
    }

    @Test
    void aTwilioErrorThrowsSoTheDispatcherRetries() {
        answer = 500;
        TwilioSender sender = new TwilioSender(properties().twilio(), publicUrl());
        assertThatThrownBy(() -> sender.send(sms())).hasMessageContaining("500");
    }

    private static String twilioSignature(String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSignedUndeliveredCallbackFailsTheDeliveryAndAnUnsignedOneIsRefused() throws Exception {
        Deliveries deliveries = mock(Deliveries.class);
        TwilioStatusController controller = new TwilioStatusController(properties(), publicUrl(), deliveries);
        Map<String, String> params = Map.of("MessageSid", "SM9", "MessageStatus", "undelivered", "ErrorCode", "30003");
        MockHttpServletRequest request = new MockHttpServletRequest("POST", TwilioStatusController.PATH);
        params.forEach(request::addParameter);

        assertThatThrownBy(() -> controller.status(request, "forged")).isInstanceOf(ApiException.class);
        verify(deliveries, never())
                .markFailedByProvider(
                        org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.anyString());

        controller.status(request, twilioSignature("https://studio.example" + TwilioStatusController.PATH, params));
        verify(deliveries).markFailedByProvider("SM9", "Twilio: undelivered (error 30003)");
    }
}
