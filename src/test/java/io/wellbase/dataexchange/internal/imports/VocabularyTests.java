package io.wellbase.dataexchange.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VocabularyTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Active|active", "ACTIVE|active", "  active  |active", "Non-Member|active", "non member|active",
                "NonMember|active", "non_member|active", "Non - Member|active", "Expired|inactive", "Inactive|inactive",
                "Suspended|suspended", "Declined|suspended", "on-hold|suspended", "Terminated|churned",
                        "Cancelled|churned",
                "Canceled|churned", "Prospect|lead", "Lead|lead", "Yes|active", "False|inactive"
            })
    void mindbodyClientStatuses(String word, String status) {
        assertThat(Vocabulary.CLIENT_STATUS.lookup(word)).contains(status);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Signed in|attended",
                "Signed-In|attended",
                "SIGNEDIN|attended",
                "Completed|attended",
                "Unpaid|attended",
                "Late Cancel|late_cancelled",
                "Late Cancelled|late_cancelled",
                "late-canceled|late_cancelled",
                "late_cancelled|late_cancelled",
                "No Show|no_show",
                "no-show|no_show",
                "NoShow|no_show",
                "Absent|no_show",
                "Booked|booked",
                "Early Cancel|cancelled",
                "Wait-list|waitlisted"
            })
    void mindbodyVisitStatuses(String word, String status) {
        assertThat(Vocabulary.VISIT_STATUS.lookup(word)).contains(status);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Active|active",
                "Expired|expired",
                "Suspended|frozen",
                "Terminated|cancelled",
                "Cancelled|cancelled",
                "Pending|pending",
                "not-started|pending",
                "Declined|active",
                "ON HOLD|frozen"
            })
    void mindbodyMembershipStatuses(String word, String status) {
        assertThat(Vocabulary.MEMBERSHIP_STATUS.lookup(word)).contains(status);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Cash|cash",
                "Check|bank_transfer",
                "Cheque|bank_transfer",
                "Credit Card|card_terminal",
                "credit-card|card_terminal",
                "Visa|card_terminal",
                "MasterCard|card_terminal",
                "Master Card|card_terminal",
                "Amex|card_terminal",
                "American Express|card_terminal",
                "Gift Card|complimentary",
                "Comp|complimentary",
                "Account|other",
                "Other|other",
                "Visa ending 4242|card_terminal",
                "Cash (USD)|cash",
                "SEPA Direct Debit|bank_transfer",
                "Personal check #1012|bank_transfer",
                "Gift card 1234|complimentary",
                "Client account balance|other",
                "Debit card|card_terminal",
                "EC-Karte|card_terminal"
            })
    void paymentMethodsByNameOrByAWordInTheName(String label, String method) {
        assertThat(SalesImport.paymentMethod(label)).contains(method);
    }

    @Test
    void unknownAndEmptyWordsAreUnknown() {
        assertThat(Vocabulary.CLIENT_STATUS.lookup("VIP Gold")).isEmpty();
        assertThat(Vocabulary.CLIENT_STATUS.lookup("")).isEmpty();
        assertThat(Vocabulary.CLIENT_STATUS.lookup("---")).isEmpty();
        assertThat(Vocabulary.CLIENT_STATUS.lookup(null)).isEmpty();
        assertThat(Vocabulary.VISIT_STATUS.lookup("Teleported")).isEmpty();
        assertThat(SalesImport.paymentMethod("Dogecoin")).isEmpty();
        assertThat(SalesImport.paymentMethod("Company")).isEqualTo(Optional.empty());
        assertThat(SalesImport.paymentMethod("Checkout")).isEmpty();
    }

    @Test
    void everyValueIsOneTheDatabaseAccepts() {
        assertThat(Vocabulary.CLIENT_STATUS.values())
                .containsExactly("active", "churned", "inactive", "lead", "suspended");
        assertThat(Vocabulary.MEMBERSHIP_STATUS.values())
                .containsExactly("active", "cancelled", "expired", "frozen", "pending");
        assertThat(Vocabulary.PAYMENT_METHOD.values())
                .containsExactly("bank_transfer", "card_terminal", "cash", "complimentary", "other");
    }

    @Test
    void aWordWithTwoMeaningsIsAMistakeCaughtAtOnce() {
        assertThatThrownBy(() -> Vocabulary.of("test", Map.of("a", List.of("On Hold"), "b", List.of("on-hold"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("means both");
    }
}
