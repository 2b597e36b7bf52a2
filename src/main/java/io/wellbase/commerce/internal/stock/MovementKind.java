package io.wellbase.commerce.internal.stock;

import java.util.Arrays;
import java.util.Optional;

/** Why stock moved. Receive and return add, sell takes; adjust goes either way; a transfer is a pair. */
public enum MovementKind {
    RECEIVE("receive"),
    SELL("sell"),
    RETURN("return"),
    ADJUST("adjust"),
    TRANSFER_OUT("transfer_out"),
    TRANSFER_IN("transfer_in");

    private final String value;

    MovementKind(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static Optional<MovementKind> of(String value) {
        return Arrays.stream(values()).filter(k -> k.value.equals(value)).findFirst();
    }
}
