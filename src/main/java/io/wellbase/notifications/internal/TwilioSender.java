package io.wellbase.notifications.internal;

import io.wellbase.notifications.NotificationsProperties;
import io.wellbase.platform.web.PublicUrl;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SMS through Twilio's Messages resource ({@code POST /2010-04-01/Accounts/{sid}/Messages.json}, HTTP Basic
 * with the account SID and auth token): answers the message SID; any other answer than 201 (or a timeout)
 * throws, and the dispatcher retries. Twilio calls {@link TwilioStatusController} back with the fate.
 */
final class TwilioSender implements ChannelSender {

    private static final Pattern SID = Pattern.compile("\"sid\"\\s*:\\s*\"([^\"]+)\"");

    private final NotificationsProperties.Twilio twilio;
    private final PublicUrl publicUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    TwilioSender(NotificationsProperties.Twilio twilio, PublicUrl publicUrl) {
        this.twilio = twilio;
        this.publicUrl = publicUrl;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String send(Deliveries.Due message) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", message.recipient());
        form.put(twilio.from().startsWith("MG") ? "MessagingServiceSid" : "From", twilio.from());
        form.put("Body", message.subject() + "\n" + message.body());
        form.put("StatusCallback", publicUrl.base() + TwilioStatusController.PATH);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String auth = Base64.getEncoder()
                .encodeToString((twilio.accountSid() + ":" + twilio.authToken()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(twilio.baseUrl() + "/2010-04-01/Accounts/" + twilio.accountSid() + "/Messages.json"))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new IllegalStateException("Twilio answered " + response.statusCode());
        }
        Matcher sid = SID.matcher(response.body());
        if (!sid.find()) {
            throw new IllegalStateException("Twilio answered without a message sid");
        }
        return sid.group(1);
    }
}
