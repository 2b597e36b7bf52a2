package io.wellbase.notifications.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Each kind of message: its category, its name (as the API shows it in {@code type}) and the channels it
 * goes to unless the recipient switched them off.
 */
enum NotificationType {
    BOOKING_CONFIRMED(Category.BOOKINGS, "booking.confirmed", EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    BOOKING_CANCELLED(Category.BOOKINGS, "booking.cancelled", EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    WAITLIST_PROMOTED(Category.WAITLIST, "waitlist.promoted", EnumSet.of(Channel.IN_APP, Channel.EMAIL, Channel.PUSH)),
    WAITLIST_SEAT_AVAILABLE(Category.WAITLIST, "waitlist.seat_available", EnumSet.of(Channel.IN_APP, Channel.PUSH)),
    SESSION_CANCELLED(Category.BOOKINGS, "session.cancelled", EnumSet.of(Channel.IN_APP, Channel.EMAIL, Channel.SMS)),
    CLASS_REMINDER(Category.REMINDERS, "class.reminder", EnumSet.of(Channel.IN_APP, Channel.EMAIL, Channel.PUSH)),
    APPOINTMENT_BOOKED(Category.BOOKINGS, "appointment.booked", EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    APPOINTMENT_RESCHEDULED(Category.BOOKINGS, "appointment.rescheduled", EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    APPOINTMENT_CANCELLED(Category.BOOKINGS, "appointment.cancelled", EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    APPOINTMENT_FOLLOW_UP(Category.BOOKINGS, "appointment.follow_up", EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    APPOINTMENT_REMINDER(
            Category.REMINDERS, "appointment.reminder", EnumSet.of(Channel.IN_APP, Channel.EMAIL, Channel.PUSH)),
    BROADCAST(Category.ANNOUNCEMENTS, "broadcast", EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    MISS_YOU(Category.ANNOUNCEMENTS, "client.miss_you", EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    MEMBERSHIP_EXPIRING(Category.MEMBERSHIPS, "membership.expiring", EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    CREDITS_LOW(Category.MEMBERSHIPS, "membership.credits_low", EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    RENEWAL_FAILED(Category.MEMBERSHIPS, "billing.renewal_failed", EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    INVOICE_ISSUED(Category.MEMBERSHIPS, "billing.invoice_issued", EnumSet.of(Channel.EMAIL)),
    JOB_COMPLETED(Category.JOBS, "job.completed", EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    JOB_FAILED(Category.JOBS, "job.failed", EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    MESSAGE_NEW(Category.MESSAGES, "message.new", EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    CHAT_OFFERED(Category.MESSAGES, "chat.offered", EnumSet.of(Channel.IN_APP, Channel.PUSH)),
    CRISIS_HELP(Category.EMERGENCY, "chat.crisis_help", EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    CHAT_EMERGENCY(Category.EMERGENCY, "chat.emergency", EnumSet.of(Channel.IN_APP, Channel.EMAIL, Channel.PUSH)),
    CONSULTATION_FOLLOW_UP(
            Category.REMINDERS, "consultation.follow_up", EnumSet.of(Channel.IN_APP, Channel.EMAIL, Channel.PUSH)),
    ACHIEVEMENT_EARNED(Category.PROGRESS, "achievement.earned", EnumSet.of(Channel.IN_APP, Channel.PUSH)),
    STOCK_LOW(Category.INVENTORY, "inventory.low_stock", EnumSet.of(Channel.IN_APP, Channel.EMAIL)),
    EMAIL_VERIFICATION(Category.ACCOUNT, "account.email_verification", EnumSet.of(Channel.EMAIL)),
    PASSWORD_RESET(Category.ACCOUNT, "account.password_reset", EnumSet.of(Channel.EMAIL)),
    STAFF_INVITATION(Category.ACCOUNT, "account.invitation", EnumSet.of(Channel.EMAIL)),
    CLIENT_INVITATION(Category.ACCOUNT, "account.client_invitation", EnumSet.of(Channel.EMAIL)),
    SIGN_IN_LINK(Category.ACCOUNT, "account.sign_in_link", EnumSet.of(Channel.EMAIL));

    private final String value;
    private final Category category;
    private final Set<Channel> channels;

    NotificationType(Category category, String value, Set<Channel> channels) {
        this.value = value;
        this.category = category;
        this.channels = channels;
    }

    String value() {
        return value;
    }

    Category category() {
        return category;
    }

    Set<Channel> defaultChannels() {
        return channels;
    }

    /** The type of an account email. */
    static NotificationType of(io.wellbase.platform.mail.AccountEmail.Kind kind) {
        return switch (kind) {
            case EMAIL_VERIFICATION -> EMAIL_VERIFICATION;
            case PASSWORD_RESET -> PASSWORD_RESET;
            case STAFF_INVITATION -> STAFF_INVITATION;
            case CLIENT_INVITATION -> CLIENT_INVITATION;
            case SIGN_IN_LINK -> SIGN_IN_LINK;
        };
    }
}
