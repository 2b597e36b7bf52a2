package io.wellbase.dataexchange.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "$1,234.50|123450",
                "1.234,50 €|123450",
                "EUR 12|1200",
                "12|1200",
                "12.5|1250",
                "(15.00)|-1500",
                "-15|-1500",
                "1,234|123400",
                "1.234|123400",
                "0.99|99",
                "£0,5|50",
                "1 234,56|123456",
                "1'234.56|123456"
            })
    void amountsInEveryUsualFormat(String text, long minor) {
        assertThat(Values.money(text, 2)).isEqualTo(minor);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"abc", "--", "$", "12,34,5.6.7"})
    void textThatIsNoAmount(String text) {
        assertThat(Values.money(text, 2)).isNull();
    }

    @Test
    void datesInIsoUsAndEuropeanOrderWithOptionalTimes() {
        assertThat(Values.dateTime("2026-03-14", DateOrder.MDY)).isEqualTo(LocalDateTime.of(2026, 3, 14, 0, 0));
        assertThat(Values.dateTime("2026-03-14T18:30:00Z", DateOrder.MDY))
                .isEqualTo(LocalDateTime.of(2026, 3, 14, 18, 30));
        assertThat(Values.dateTime("03/04/2026 6:30 PM", DateOrder.MDY))
                .isEqualTo(LocalDateTime.of(2026, 3, 4, 18, 30));
        assertThat(Values.dateTime("03/04/2026 6:30 PM", DateOrder.DMY))
                .isEqualTo(LocalDateTime.of(2026, 4, 3, 18, 30));
        assertThat(Values.date("14.03.2026", DateOrder.DMY)).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(Values.date("2/29/2024", DateOrder.MDY)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Values.date("2/29/2025", DateOrder.MDY)).isNull();
        assertThat(Values.date("13/31/2026", DateOrder.MDY)).isNull();
        assertThat(Values.date("3/14/26", DateOrder.MDY)).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(Values.date("3/14/85", DateOrder.MDY)).isEqualTo(LocalDate.of(1985, 3, 14));
        assertThat(Values.date("yesterday", DateOrder.MDY)).isNull();
        assertThat(Values.dateTime("2026-03-14 25:00", DateOrder.MDY)).isNull();
    }

    @Test
    void theDateOrderIsSettledByTheFileAndSaysWhy() {
        DateOrder.Evidence european = new DateOrder.Evidence();
        european.see("03/04/2026");
        european.see("24/12/2025");
        assertThat(european.decide(null).order()).isEqualTo(DateOrder.DMY);
        DateOrder.Evidence ambiguous = new DateOrder.Evidence();
        ambiguous.see("03/04/2026");
        assertThat(ambiguous.decide(null).order()).isEqualTo(DateOrder.MDY);
        assertThat(ambiguous.decide(null).note()).startsWith("ambiguous");
        DateOrder.Evidence dotted = new DateOrder.Evidence();
        dotted.see("03.04.2026");
        assertThat(dotted.decide(null).order()).isEqualTo(DateOrder.DMY);
        assertThat(ambiguous.decide(DateOrder.DMY).order()).isEqualTo(DateOrder.DMY);
        DateOrder.Evidence mixed = new DateOrder.Evidence();
        mixed.see("12/24/2025");
        mixed.see("12/25/2025");
        mixed.see("24/12/2025");
        assertThat(mixed.decide(null).order()).isEqualTo(DateOrder.MDY);
        assertThat(mixed.decide(null).note()).startsWith("mixed");
    }

    @Test
    void timesFlagsNumbersAndWeekdays() {
        assertThat(Values.time("9:00 AM")).isEqualTo(LocalTime.of(9, 0));
        assertThat(Values.time("12:15 am")).isEqualTo(LocalTime.of(0, 15));
        assertThat(Values.time("12:15 PM")).isEqualTo(LocalTime.of(12, 15));
        assertThat(Values.time("9pm")).isEqualTo(LocalTime.of(21, 0));
        assertThat(Values.time("21:30:15")).isEqualTo(LocalTime.of(21, 30, 15));
        assertThat(Values.time("24:00")).isNull();
        assertThat(Values.time("9")).isNull();
        assertThat(Values.flag("Yes")).isTrue();
        assertThat(Values.flag("x")).isTrue();
        assertThat(Values.flag("")).isFalse();
        assertThat(Values.flag("maybe")).isNull();
        assertThat(Values.integer("1,200")).isEqualTo(1200);
        assertThat(Values.integer("3.0")).isEqualTo(3);
        assertThat(Values.integer("3.5")).isNull();
        assertThat(Values.weekdays("Mon, Wed")).isEqualTo(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY));
        assertThat(Values.weekdays("Tu/Th")).isEqualTo(Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY));
        assertThat(Values.weekdays("7")).isEqualTo(Set.of(DayOfWeek.SUNDAY));
        assertThat(Values.weekdays("Funday")).isNull();
        assertThat(Values.email("a@b.co")).isTrue();
        assertThat(Values.email("not-an-email")).isFalse();
    }

    @Test
    void theSeparatorIsTheOneTheHeaderUsesOutsideQuotes() {
        assertThat(CsvSniffer.separator("a,b,c")).isEqualTo(',');
        assertThat(CsvSniffer.separator("a;b;c")).isEqualTo(';');
        assertThat(CsvSniffer.separator("a\tb\tc")).isEqualTo('\t');
        assertThat(CsvSniffer.separator("\"Name, full\";Email;Phone")).isEqualTo(';');
        assertThat(ColumnMapping.normalize("Client_ID ")).isEqualTo(ColumnMapping.normalize("client id"));
    }
}
