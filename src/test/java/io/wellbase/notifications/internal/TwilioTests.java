package io.wellbase.notifications.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.wellbase.notifications.NotificationsProperties;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PublicUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The Twilio channel against WireMock speaking Twilio's Messages API, and the status callback
 * with signatures computed here from Twilio's published rule (not by the code under test).
 */
class TwilioTests {

    private static final String SID = "ACtest0000000000000000000000000000";
    private static final String TOKEN = "auth-token-of-the-test-account";

    private WireMockServer twilio;

    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";

    @BeforeEach
    void start() {
        twilio = new WireMockServer(
                WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        twilio.start();
        // Twilio's Messages resource: 201 with the message resource, its SID and status
        twilio.stubFor(post(urlEqualTo(MESSAGES))
                .withBasicAuth(SID, TOKEN)
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM1\", \"status\": \"queued\", \"to\": \"+4915112345678\"}")));
    }

    @AfterEach
    void stop() {
        twilio.stop();
    }

    private NotificationsProperties properties() {
        return new NotificationsProperties(
                Duration.ofSeconds(2),
                200,
                8,
                Duration.ofSeconds(30),
                Duration.ofHours(6),
                new NotificationsProperties.Webhooks(true, List.of(), Duration.ofSeconds(15)),
                new NotificationsProperties.Twilio(SID, TOKEN, "+15005550006", "http://127.0.0.1:" + twilio.port()),
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

        twilio.verify(1, postRequestedFor(urlEqualTo(MESSAGES)));
        LoggedRequest request =
                twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).getFirst();
        assertThat(request.getHeader("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(form(request.getBodyAsString()))
                .containsEntry("To", "+4915112345678")
                .containsEntry("From", "+15005550006")
                .containsEntry("Body", "Flow is cancelled\nThe studio cancelled Flow.")
                .containsEntry("StatusCallback", "https://studio.example/api/v1/notifications/twilio/status");
    }

    @Test
    void aTwilioErrorThrowsSoTheDispatcherRetries() {
        twilio.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}")));
        TwilioSender sender = new TwilioSender(properties().twilio(), publicUrl());
        assertThatThrownBy(() -> sender.send(sms())).hasMessageContaining("500");
    }

    @Test
    void aRefusedNumberIsAnErrorToo() {
        // Twilio answers 400 with its error code for a number it cannot send to
        twilio.stubFor(post(urlEqualTo(MESSAGES))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\","
                                + " \"status\": 400}")));
        TwilioSender sender = new TwilioSender(properties().twilio(), publicUrl());
        assertThatThrownBy(() -> sender.send(sms())).hasMessageContaining("400");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return form;
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
