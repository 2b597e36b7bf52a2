package io.wellbase.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public keys that verify access tokens.
 */
@RestController
@Tag(name = "Auth")
class JwksController {

    private final JwtKeyRing keyRing;

    JwksController(JwtKeyRing keyRing) {
        this.keyRing = keyRing;
    }

    @GetMapping("/.well-known/jwks.json")
    @Operation(summary = "The JWK set of access token signing keys")
    Map<String, Object> jwks() {
        keyRing.signingKey();
        return keyRing.publicKeys().toJSONObject(true);
    }
}
