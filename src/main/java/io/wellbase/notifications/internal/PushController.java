package io.wellbase.notifications.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wellbase.notifications.internal.webhooks.UrlGuard;
import io.wellbase.platform.security.Caller;
import io.wellbase.platform.web.ApiException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's Web Push subscriptions (one per browser or device, as {@code PushManager.subscribe}
 * answers them), in the organization of their token, and the server's VAPID public key to subscribe with.
 */
@RestController
@Tag(name = "Notifications")
class PushController {

    private final PushSubscriptions subscriptions;
    private final UrlGuard guard;

    PushController(PushSubscriptions subscriptions, UrlGuard guard) {
        this.subscriptions = subscriptions;
        this.guard = guard;
    }

    record Keys(
            @NotBlank @Size(max = 200) String p256dh,
            @NotBlank @Size(max = 100) String auth) {}

    record SubscriptionRequest(
            @NotBlank @Size(max = 2000) String endpoint,
            @NotNull @Valid Keys keys) {}

    @GetMapping("/api/v1/notifications/push/public-key")
    @Operation(summary = "The VAPID public key (base64url) for PushManager.subscribe's applicationServerKey")
    Map<String, String> publicKey() {
        return Map.of(
                "publicKey",
                Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(subscriptions.vapid().publicKey()));
    }

    @PostMapping("/api/v1/notifications/push-subscriptions")
    @Operation(summary = "Register this browser or device for push (the same endpoint again replaces its keys)")
    ResponseEntity<PushSubscriptions.Subscription> subscribe(
            Caller caller, @Valid @RequestBody SubscriptionRequest request) {
        guard.refusal(request.endpoint()).ifPresent(reason -> {
            throw ApiException.invalidField("endpoint", reason);
        });
        byte[] p256dh = decode("keys.p256dh", request.keys().p256dh());
        byte[] auth = decode("keys.auth", request.keys().auth());
        try {
            WebPushCrypto.publicKey(p256dh);
        } catch (GeneralSecurityException e) {
            throw ApiException.invalidField("keys.p256dh", "must be a P-256 public key (65 bytes, uncompressed)");
        }
        if (auth.length != 16) {
            throw ApiException.invalidField("keys.auth", "must be 16 bytes");
        }
        PushSubscriptions.Subscription added = subscriptions.add(
                caller.requireOrganization(),
                caller.userId(),
                request.endpoint(),
                request.keys().p256dh(),
                request.keys().auth());
        return ResponseEntity.created(URI.create("/api/v1/notifications/push-subscriptions/" + added.id()))
                .body(added);
    }

    @GetMapping("/api/v1/notifications/push-subscriptions")
    @Operation(summary = "My push subscriptions in this organization")
    Map<String, List<PushSubscriptions.Subscription>> list(Caller caller) {
        return Map.of("data", subscriptions.of(caller.requireOrganization(), caller.userId()));
    }

    @DeleteMapping("/api/v1/notifications/push-subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop pushing to one of my browsers or devices")
    void unsubscribe(Caller caller, @PathVariable UUID id) {
        if (!subscriptions.delete(caller.requireOrganization(), caller.userId(), id)) {
            throw ApiException.notFound("Push subscription");
        }
    }

    private static byte[] decode(String field, String value) {
        try {
            return Base64.getUrlDecoder()
                    .decode(value.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "must be base64url");
        }
    }
}
