package io.wellbase.commerce.internal.orders;

import java.time.Clock;
import org.springframework.context.ApplicationContext;

/** Lets a test run the reservation expiry now, as the scheduler would. */
public final class ReservationExpiryAccess {

    private ReservationExpiryAccess() {}

    public static int expireDue(ApplicationContext context) {
        return ReservationExpiry.expireDue(
                context.getBean(OrderStore.class), context.getBean(OrderFlow.class), context.getBean(Clock.class));
    }
}
