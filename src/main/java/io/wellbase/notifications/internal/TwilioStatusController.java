package io.wellbase.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.notifications.NotificationsProperties;
import io.wellbase.platform.web.ApiException;
import io.wellbase.platform.web.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's status callbacks: a message it could not deliver ({@code failed}, {@code undelivered}) turns its
 * delivery failed, visible to admins with the error code. Only requests signed with the account's auth
 * token ({@code X-Twilio-Signature}: base64 HMAC-SHA1 of the URL and the sorted form parameters) count.
 */
@RestController
@Tag(name = "Notifications")
class TwilioStatusController {

    static final String PATH = "/api/v1/notifications/twilio/status";

    private final NotificationsProperties.Twilio twilio;
    private final PublicUrl publicUrl;
    private final Deliveries deliveries;

    TwilioStatusController(NotificationsProperties properties, PublicUrl publicUrl, Deliveries deliveries) {
        this.twilio = properties.twilio();
        this.publicUrl = publicUrl;
        this.deliveries = deliveries;
    }

    @PostMapping(value = PATH, consumes = "application/x-www-form-urlencoded")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Twilio's message status callback (signed with the auth token)")
    void status(
            HttpServletRequest request, @RequestHeader(name = "X-Twilio-Signature", required = false) String signature)
            throws Exception {
        Map<String, String> form = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, values.length == 0 ? "" : values[0]));
        if (!twilio.configured() || signature == null || !valid(signature, publicUrl.base() + PATH, form)) {
            throw ApiException.forbidden("notification.bad_signature", "The request is not signed by Twilio");
        }
        String sid = form.getOrDefault("MessageSid", "");
        String status = form.getOrDefault("MessageStatus", "");
        if (status.equals("failed") || status.equals("undelivered")) {
            deliveries.markFailedByProvider(
                    sid, "Twilio: " + status + " (error " + form.getOrDefault("ErrorCode", "?") + ")");
        }
    }

    private boolean valid(String signature, String url, Map<String, String> sortedForm) throws Exception {
        StringBuilder data = new StringBuilder(url);
        sortedForm.forEach((k, v) -> data.append(k).append(v));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(twilio.authToken().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        byte[] expected = Base64.getEncoder().encode(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }
}
