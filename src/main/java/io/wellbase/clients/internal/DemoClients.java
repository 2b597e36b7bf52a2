package io.wellbase.clients.internal;

import static io.wellbase.clients.internal.DemoNames.pick;
import static io.wellbase.clients.internal.DemoNames.weighted;

import io.wellbase.platform.data.Ids;
import io.wellbase.platform.demo.DemoDataContributor;
import io.wellbase.platform.demo.DemoStudio;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * About 300 clients for the demo studio, the same ones on every machine (a fixed seed): mostly
 * active members, some leads and lapsed ones, tags, notes, alerts, and a few likely duplicates.
 * The studio is found by name, so this module needs nothing from the organizations module.
 */
@Component
class DemoClients implements DemoDataContributor {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int CLIENTS = 294;
    private static final List<String> POSTAL_CODES = List.of(
            "10115", "10119", "10178", "10243", "10245", "10405", "10435", "10437", "10439", "10961", "10967", "10997",
            "10999", "12043", "12047", "12049", "13347");
    private static final Logger log = LoggerFactory.getLogger(DemoClients.class);

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    private final DemoStudio studio;

    DemoClients(JdbcClient jdbc, NamedParameterJdbcTemplate batch, DemoStudio studio) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.studio = studio;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    @Transactional
    public void contribute() {
        Optional<DemoStudio.Studio> found = studio.withoutRowsIn(jdbc, "clients");
        if (found.isEmpty()) {
            return;
        }
        UUID orgId = found.get().id();
        UUID author = found.get().ownerId();
        Random random = new Random(20_260_301L);
        OffsetDateTime now = OffsetDateTime.now(BERLIN);
        List<MapSqlParameterSource> clients = new ArrayList<>();
        List<MapSqlParameterSource> tags = new ArrayList<>();
        List<MapSqlParameterSource> notes = new ArrayList<>();
        List<MapSqlParameterSource> alerts = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        List<OffsetDateTime> joined = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            joined.add(now.minusMinutes(30 + random.nextInt(14 * 30 * 24 * 60)));
        }
        joined.sort(null);
        for (int i = 0; i < CLIENTS; i++) {
            MapSqlParameterSource c = client(random, orgId, joined.get(i), now, emails, phones);
            if ("referral".equals(c.getValue("source")) && i > 10 && random.nextInt(3) > 0) {
                c.addValue("referredBy", clients.get(random.nextInt(i)).getValue("id"));
            }
            clients.add(c);
            tags(random, c, now)
                    .forEach(tag -> tags.add(new MapSqlParameterSource("org", orgId)
                            .addValue("client", c.getValue("id"))
                            .addValue("tag", tag)));
            OffsetDateTime created = (OffsetDateTime) c.getValue("createdAt");
            if (random.nextInt(100) < 9) {
                notes.add(child(orgId, c, author, later(random, created, now))
                        .addValue("body", pick(random, DemoNames.NOTES))
                        .addValue("pinned", random.nextInt(4) == 0));
            }
            if (random.nextInt(100) < 5) {
                boolean red = random.nextInt(5) == 0;
                alerts.add(child(orgId, c, author, later(random, created, now))
                        .addValue("level", red ? "red" : "yellow")
                        .addValue("message", pick(random, red ? DemoNames.RED_ALERTS : DemoNames.YELLOW_ALERTS)));
            }
        }
        clients.addAll(likelyDuplicates(random, clients, now));
        batch.batchUpdate("""
                INSERT INTO clients (id, org_id, first_name, last_name, email, phone, mobile_phone, birth_date, gender,
                    city, postal_code, country, emergency_name, emergency_phone, emergency_relationship, status, source,
                    referred_by_id, marketing_consent, waiver_signed_on, created_at, updated_at)
                VALUES (:id, :org, :first, :last, :email, :phone, :mobile, :birth, :gender, 'Berlin', :postal, 'DE',
                    :eName, :ePhone, :eRel, :status, :source, :referredBy, :consent, :waiver, :createdAt, :createdAt)
                """, clients.toArray(MapSqlParameterSource[]::new));
        batch.batchUpdate(
                "INSERT INTO client_tags (org_id, client_id, tag) VALUES (:org, :client, :tag)",
                tags.toArray(MapSqlParameterSource[]::new));
        batch.batchUpdate("""
                INSERT INTO client_notes (id, org_id, client_id, author_id, body, pinned, created_at, updated_at)
                VALUES (:id, :org, :client, :author, :body, :pinned, :at, :at)
                """, notes.toArray(MapSqlParameterSource[]::new));
        batch.batchUpdate("""
                INSERT INTO client_alerts (id, org_id, client_id, level, message, created_by, created_at)
                VALUES (:id, :org, :client, :level, :message, :author, :at)
                """, alerts.toArray(MapSqlParameterSource[]::new));
        log.info(
                "Demo data: {} clients, {} tags, {} notes, {} alerts",
                clients.size(),
                tags.size(),
                notes.size(),
                alerts.size());
    }

    private static MapSqlParameterSource client(
            Random random,
            UUID orgId,
            OffsetDateTime created,
            OffsetDateTime now,
            Set<String> emails,
            Set<String> phones) {
        String gender = weighted(random, "female", 68, "male", 27, "non_binary", 3, "prefer_not_to_say", 2);
        String first = switch (gender) {
            case "female" -> pick(random, DemoNames.FEMALE);
            case "male" -> pick(random, DemoNames.MALE);
            default -> pick(random, DemoNames.NEUTRAL);
        };
        String last = pick(random, DemoNames.LAST);
        LocalDate birth = random.nextInt(100) < 92
                ? now.toLocalDate()
                        .minusYears(19 + Math.min(50, (int) Math.abs(random.nextGaussian() * 11) + random.nextInt(14)))
                        .minusDays(random.nextInt(365))
                : null;
        String status = weighted(random, "active", 68, "lead", 12, "inactive", 12, "churned", 8);
        boolean recent = Duration.between(created, now).toDays() < 45;
        if (status.equals("churned") && recent) {
            status = "lead";
        }
        String mobile = random.nextInt(100) < 88 ? uniquePhone(random, phones, true) : null;
        String phone = mobile == null || random.nextInt(100) < 6 ? uniquePhone(random, phones, false) : null;
        boolean hasEmergency = !status.equals("lead") && random.nextInt(100) < 35;
        return new MapSqlParameterSource("id", Ids.newId())
                .addValue("org", orgId)
                .addValue("first", first)
                .addValue("last", last)
                .addValue("email", random.nextInt(100) < 92 ? email(random, first, last, birth, emails) : null)
                .addValue("phone", phone)
                .addValue("mobile", mobile)
                .addValue("birth", birth)
                .addValue("gender", gender)
                .addValue("postal", pick(random, POSTAL_CODES))
                .addValue("eName", hasEmergency ? pick(random, DemoNames.FEMALE) + " " + last : null)
                .addValue("ePhone", hasEmergency ? uniquePhone(random, phones, true) : null)
                .addValue(
                        "eRel",
                        hasEmergency ? pick(random, List.of("partner", "spouse", "mother", "sister", "friend")) : null)
                .addValue("status", status)
                .addValue(
                        "source",
                        weighted(
                                random,
                                "instagram",
                                24,
                                "google",
                                18,
                                "walk_in",
                                15,
                                "referral",
                                19,
                                "classpass",
                                12,
                                "website",
                                8,
                                "urban_sports_club",
                                4))
                .addValue("referredBy", null)
                .addValue("consent", random.nextInt(100) < 55)
                .addValue("waiver", status.equals("lead") ? null : created.toLocalDate())
                .addValue("createdAt", created);
    }

    private static List<String> tags(Random random, MapSqlParameterSource c, OffsetDateTime now) {
        List<String> tags = new ArrayList<>();
        OffsetDateTime created = (OffsetDateTime) c.getValue("createdAt");
        LocalDate birth = (LocalDate) c.getValue("birth");
        boolean active = c.getValue("status").equals("active");
        if (active && random.nextInt(100) < 7) {
            tags.add("vip");
        }
        tags.add(random.nextInt(100) < 28 ? "morning" : random.nextInt(100) < 30 ? "evening" : null);
        if (Duration.between(created, now).toDays() < 120 && random.nextInt(100) < 45) {
            tags.add("beginner");
        }
        if (c.getValue("gender").equals("female")
                && birth != null
                && birth.isAfter(now.toLocalDate().minusYears(41))
                && birth.isBefore(now.toLocalDate().minusYears(25))
                && random.nextInt(100) < 10) {
            tags.add("prenatal");
        }
        if (active && random.nextInt(100) < 6) {
            tags.add("teacher_training");
        }
        if (random.nextInt(100) < 14) {
            tags.add("reformer");
        }
        if (random.nextInt(100) < 5) {
            tags.add("corporate");
        }
        tags.removeIf(t -> t == null);
        return tags;
    }

    /** Clients entered twice: the same email in another case, or a walk-in registered again without one. */
    private static List<MapSqlParameterSource> likelyDuplicates(
            Random random, List<MapSqlParameterSource> clients, OffsetDateTime now) {
        List<MapSqlParameterSource> copies = new ArrayList<>();
        while (copies.size() < 6) {
            MapSqlParameterSource original = clients.get(random.nextInt(clients.size()));
            String email = (String) original.getValue("email");
            boolean byEmail = copies.size() < 4;
            if ((byEmail && email == null)
                    || (!byEmail && original.getValue("mobile") == null)
                    || copies.stream().anyMatch(c -> c.getValue("copyOf") == original.getValue("id"))) {
                continue;
            }
            OffsetDateTime created = later(random, (OffsetDateTime) original.getValue("createdAt"), now);
            MapSqlParameterSource copy = new MapSqlParameterSource(original.getValues())
                    .addValue("id", Ids.newId())
                    .addValue("copyOf", original.getValue("id"))
                    .addValue("status", "lead")
                    .addValue("source", "website")
                    .addValue("referredBy", null)
                    .addValue("waiver", null)
                    .addValue("createdAt", created);
            if (byEmail) {
                copy.addValue("email", capitalised(email))
                        .addValue("mobile", null)
                        .addValue("phone", null);
            } else {
                copy.addValue("email", null).addValue("source", "walk_in");
            }
            copies.add(copy);
        }
        return copies;
    }

    private static String capitalised(String email) {
        StringBuilder b = new StringBuilder(email);
        for (int i = 0; i < b.length(); i++) {
            if (i == 0 || b.charAt(i - 1) == '.' || b.charAt(i - 1) == '@') {
                b.setCharAt(i, Character.toUpperCase(b.charAt(i)));
            }
        }
        return b.toString();
    }

    private static String email(Random random, String first, String last, LocalDate birth, Set<String> used) {
        String f = DemoNames.emailPart(first);
        String l = DemoNames.emailPart(last);
        String local = switch (random.nextInt(4)) {
            case 0 -> f + "." + l;
            case 1 -> f + l.charAt(0);
            case 2 -> f + "." + l + (birth == null ? "" : String.valueOf(birth.getYear() % 100));
            default -> f.charAt(0) + l;
        };
        String domain = pick(random, DemoNames.DOMAINS);
        String email = local + "@" + domain;
        for (int n = 2; !used.add(email.toLowerCase(Locale.ROOT)); n++) {
            email = local + n + "@" + domain;
        }
        return email;
    }

    private static String uniquePhone(Random random, Set<String> used, boolean mobile) {
        while (true) {
            String phone = mobile
                    ? "+49 1" + pick(random, List.of("51", "52", "57", "60", "62", "70", "71", "76", "79")) + " "
                            + (1_000_000 + random.nextInt(9_000_000))
                    : "+49 30 " + (2_000_000 + random.nextInt(7_000_000));
            if (used.add(phone.replaceAll("[^0-9]", ""))) {
                return phone;
            }
        }
    }

    private static MapSqlParameterSource child(
            UUID orgId, MapSqlParameterSource client, UUID author, OffsetDateTime at) {
        return new MapSqlParameterSource("id", Ids.newId())
                .addValue("org", orgId)
                .addValue("client", client.getValue("id"))
                .addValue("author", author)
                .addValue("at", at);
    }

    /** A moment after {@code from} and before now. */
    private static OffsetDateTime later(Random random, OffsetDateTime from, OffsetDateTime now) {
        long minutes = Math.max(1, Duration.between(from, now).toMinutes() - 1);
        return from.plusMinutes(1 + (long) (random.nextDouble() * Math.min(minutes, 60L * 24 * 90)));
    }
}
