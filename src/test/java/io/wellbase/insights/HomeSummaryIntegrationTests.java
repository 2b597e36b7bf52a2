package io.wellbase.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.dataexchange.ImportTest;
import io.wellbase.support.Api;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The home summary over a studio imported relative to today: today's class with its fill, new clients this
 * week, active members, members at risk, birthdays this week and memberships ending within 7 days, each
 * checked against the rows written.
 */
class HomeSummaryIntegrationTests extends ImportTest {

    @Test
    void summarisesTodayThisWeekAndWhoNeedsAttention() {
        Owner owner = ownerWithOrganization("Home Studio");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        LocalDate birthday = today.plusDays(3).withYear(1990);
        String clients = """
                Client ID,First Name,Last Name,Email,Birth Date,Join Date
                H-1,Ada,Present,h1@example.test,1980-01-01,%s
                H-2,Ben,Away,h2@example.test,%s,2025-01-01
                H-3,Cleo,Ending,h3@example.test,1985-06-15,2025-01-01
                """.formatted(today.minusDays(200), birthday);
        load(owner, "clients", clients);
        load(owner, "visits", """
                Visit ID,Client ID,Visit Date,Visit Time,Class Name,Staff,Location,Late Cancel,No Show
                HV-1,H-1,%s,07:00,Sunrise Flow,,Main,No,No
                HV-2,H-3,%s,07:00,Sunrise Flow,,Main,No,No
                HV-3,H-2,%s,07:00,Sunrise Flow,,Main,No,No
                HV-4,H-1,%s,07:00,Sunrise Flow,,Main,No,No
                """.formatted(today, today, today.minusDays(40), today.minusDays(2)));
        load(owner, "memberships", """
                Membership ID,Client ID,Membership,Start Date,End Date
                HM-1,H-1,Unlimited,%s,%s
                HM-2,H-2,Unlimited,%s,%s
                HM-3,H-3,Unlimited,%s,%s
                """.formatted(
                        today.minusDays(100), today.plusDays(200),
                        today.minusDays(100), today.plusDays(200),
                        today.minusDays(20), today.plusDays(5)));
        Api.Response r = api.get("/api/v1/home/summary", owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode home = r.json();
        assertThat(home.path("date").asString()).isEqualTo(today.toString());
        assertThat(home.path("todaySessions")).hasSize(1);
        JsonNode session = home.path("todaySessions").get(0);
        assertThat(session.path("classType").asString()).isEqualTo("Sunrise Flow");
        assertThat(session.path("placesTaken").asLong()).isEqualTo(2);
        assertThat(home.path("activeMembers").asLong()).isEqualTo(3);
        assertThat(home.path("atRisk").path("count").asLong()).isEqualTo(1);
        assertThat(home.path("atRisk").path("first").get(0).path("name").asString())
                .isEqualTo("Ben Away");
        assertThat(home.path("birthdaysThisWeek")).hasSize(1);
        assertThat(home.path("birthdaysThisWeek").get(0).path("on").asString())
                .isEqualTo(today.plusDays(3).toString());
        assertThat(home.path("expiringSoon").path("count").asLong()).isEqualTo(1);
        assertThat(home.path("expiringSoon").path("first").get(0).path("name").asString())
                .isEqualTo("Cleo Ending");
        assertThat(home.path("revenue").path("currency").asString()).isEqualTo("EUR");
        assertThat(home.path("unreadMessages").asLong()).isZero();
        boolean joinedThisWeek = !today.minusDays(200).isBefore(today.with(java.time.DayOfWeek.MONDAY));
        assertThat(home.path("newClientsThisWeek").asLong()).isEqualTo(joinedThisWeek ? 1 : 0);
    }

    private void load(Owner owner, String kind, String csv) {
        JsonNode job =
                importAndWait(owner.token(), kind, kind + ".csv", csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
        assertThat(count(job, "failed")).as(kind + " " + job).isZero();
    }
}
