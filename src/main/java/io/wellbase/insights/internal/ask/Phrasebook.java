package io.wellbase.insights.internal.ask;

import io.wellbase.insights.internal.semantic.Dimension;
import io.wellbase.insights.internal.semantic.Metric;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The English words the parser knows for each metric and dimension, longest and most specific first (a
 * "no-show rate" is read before "no-shows", "revenue per member" before "revenue").
 */
final class Phrasebook {

    record MetricWords(Metric metric, Pattern words) {}

    record DimensionWords(Dimension dimension, Pattern words) {}

    static final List<MetricWords> METRICS = List.of(
            m(Metric.REVENUE_PER_MEMBER, "(?:average )?revenue per (?:active )?(?:member|client)|arpm"),
            m(Metric.NET_REVENUE, "net revenue|revenue after refunds|net sales|net income"),
            m(Metric.NO_SHOW_RATE, "no ?shows? rate|rate of no ?shows|noshow rate"),
            m(Metric.LATE_CANCEL_RATE, "late cancel(?:lation)?s? rate|rate of late cancel(?:lation)?s"),
            m(Metric.MEMBER_CHURN_RATE, "(?:member |membership )?churn rate|attrition rate|retention rate"),
            m(
                    Metric.FILL_RATE,
                    "fill rates?|fill|occupancy|utili[sz]ation|how full|fullest|capacity used|percentage full|% full"),
            m(
                    Metric.UNIQUE_VISITORS,
                    "(?:unique|different|distinct|individual)\\s+(?:[a-z0-9]+\\s+)?"
                            + "(?:(?:visitors|clients|people|members|students)"
                            + "(?:\\s+(?:who\\s+|that\\s+)?(?:came|visited|attended|showed up|booked))?"
                            + "|(?:came|visited|attended))"),
            m(Metric.LATE_CANCELS, "late cancel(?:lation)?s?|late cancell?ed|cancell?ed late"),
            m(
                    Metric.NO_SHOWS,
                    "no ?shows?|noshows?|didn't show(?: up)?|did not show(?: up)?|didnt show(?: up)?|missed (?:classes|bookings)"),
            m(Metric.WAITLISTED, "wait ?list(?:ed|s)?|waiting lists?|on the waitlist"),
            m(Metric.REFUNDS, "refunds?|refunded|money back"),
            m(
                    Metric.NEW_MEMBERSHIPS,
                    "memberships? sold|new memberships?|packs? sold|memberships? started|passes sold|new members"
                            + "|memberships? (?:were |we )?sold|sold|sell"),
            m(
                    Metric.CHURNED_MEMBERS,
                    "(?:members|clients|people|customers) (?:who |that )?(?:left|churned|quit|cancell?ed)|churned(?: members)?"
                            + "|lost members|members lost|churn"),
            m(
                    Metric.NEW_CLIENTS,
                    "new (?:clients|customers|people|sign ?ups|students|leads)|sign ?ups|signups|joined|joiners|registrations"),
            m(Metric.ACTIVE_MEMBERS, "active members|members|membership count|memberships"),
            m(
                    Metric.REVENUE,
                    "revenue|sales|income|earnings|turnover|takings|how much (?:money )?(?:did )?we (?:make|made|earn|earned|take)"
                            + "|money"),
            m(Metric.APPOINTMENTS, "appointments?|private sessions?|treatments?|consultations?"),
            m(Metric.CREDITS_USED, "credits? used|class credits|credits?"),
            m(
                    Metric.CLASSES,
                    "classes (?:held|ran|run|taught)|sessions (?:held|ran|run)|number of classes|how many classes"),
            m(Metric.CAPACITY, "capacity|places offered|spots offered|spaces offered"),
            m(Metric.PLACES_TAKEN, "(?:places|spots|seats|spaces) (?:were |was |we )?(?:taken|filled)"),
            m(Metric.BOOKINGS, "bookings?|booked|reservations?|reserved"),
            m(
                    Metric.VISITS,
                    "visits?|attendance|attended|attendees|check ?ins?|checked in|came|come|showed up|turned up|visitors"
                            + "|footfall|traffic|busiest|busy"));

    /** Dimension words; a cue ("by", "per", "which"…) or a grain word ("monthly") makes them a split. */
    static final List<DimensionWords> DIMENSIONS = List.of(
            d(Dimension.WEEKDAY, "weekdays?|days? of (?:the )?week|week ?days?"),
            d(Dimension.HOUR, "hours?|time of day|times of day|time slots?|timeslots?|start times?|times?"),
            d(Dimension.PAYMENT_METHOD, "payment methods?|payment types?|ways? of paying|method of payment"),
            d(Dimension.CLIENT_STATUS, "client status(?:es)?|status(?:es)?"),
            d(Dimension.SOURCE, "sources?|channels?|referral sources?|lead sources?|where (?:they|clients) came from"),
            d(Dimension.AGE_BAND, "age bands?|age groups?|ages?"),
            d(Dimension.TAG, "tags?|segments?"),
            d(Dimension.LOCATION, "locations?|studios?|sites?|branch(?:es)?|places"),
            d(Dimension.INSTRUCTOR, "instructors?|teachers?|coach(?:es)?|trainers?|staff(?: members?)?|teacher"),
            d(Dimension.PLAN, "plans?|membership types?|pricing options?|packs?|products?|memberships?"),
            d(Dimension.CLASS_TYPE, "class types?|types? of class(?:es)?|classes|class|courses?|class names?"),
            d(Dimension.MONTH, "months?"),
            d(Dimension.WEEK, "weeks?"),
            d(Dimension.DAY, "days?|dates?"));

    static final Pattern GRAIN =
            Pattern.compile("\\b(daily|weekly|monthly|per day|each day|every day|over time|trend)\\b");

    static final Pattern CUE = Pattern.compile(
            "\\b(?:by|per|for each|for every|each|across|split by|broken (?:down|out) by|grouped by|breakdown by"
                    + "|break ?down by|in each|at each)\\s+(?:the\\s+)?(?:client\\s+|customer\\s+|member\\s+)?$");

    static final Pattern WHICH =
            Pattern.compile("\\b(?:which|what)\\s+(?:was the\\s+|were the\\s+|is the\\s+|are the\\s+)?$");

    static final Pattern TOP = Pattern.compile("\\b(top|best|bottom|worst) (\\d{1,3}|one|two|three|five|ten)\\b");

    static final Pattern HIGHEST =
            Pattern.compile("\\b(best|highest|most|top|biggest|largest|greatest|strongest|busiest|fullest|leading)\\b");

    static final Pattern LOWEST =
            Pattern.compile("\\b(worst|lowest|least|fewest|smallest|weakest|emptiest|bottom|quietest)\\b");

    static final Pattern COMPARE = Pattern.compile("\\b(compare|compared|comparing|vs|versus|against|than)\\b");

    static final Pattern PREVIOUS =
            Pattern.compile("\\b(previous|prior|preceding) (period|one|week|month|quarter|year)\\b|\\bbefore that\\b"
                    + "|\\bthe (?:week|month|quarter|year|period|one) before\\b");

    /** "How many people…" with no other figure named means visits. */
    static final Pattern PEOPLE = Pattern.compile("\\bhow many (?:people|clients|students|attendees|members)\\b");

    static final Pattern LAPSED = Pattern.compile(
            "\\b(?:clients|members|people|customers|who)\\b.*\\b(?:haven't|have not|hasn't|has not|not|didn't|did not|havent|hasnt)"
                    + " (?:visited|been in|come in|come|attended|been|seen|booked|shown up)"
                    + "(?:.*?\\b(?:in|for) (?:the )?(?:last |past )?(\\d{1,3}) (day|week|month)s?)?"
                    + "|\\b(?:lapsed|inactive|lost touch with|not seen in (\\d{1,3}) days) (?:clients|members|people)");

    static final Pattern HOW_MANY = Pattern.compile("\\b(how many|how much|number of|count of|total)\\b");

    /** Words that never identify one of the organization's names on their own. */
    static final Set<String> COMMON = Set.of(
            "the",
            "and",
            "for",
            "with",
            "how",
            "many",
            "much",
            "what",
            "which",
            "who",
            "was",
            "were",
            "did",
            "does",
            "our",
            "we",
            "my",
            "last",
            "this",
            "month",
            "week",
            "year",
            "day",
            "class",
            "classes",
            "session",
            "sessions",
            "studio",
            "people",
            "clients",
            "client",
            "members",
            "member",
            "new",
            "all",
            "any",
            "per",
            "each",
            "from",
            "between",
            "had",
            "have",
            "has",
            "best",
            "most",
            "top",
            "show",
            "give",
            "tell",
            "list",
            "get",
            "into",
            "come",
            "came",
            "than",
            "total",
            "number",
            "compare",
            "over",
            "time",
            "lead",
            "open",
            "hot",
            "basic",
            "pack",
            "plan",
            "main",
            "room",
            "yes",
            "not",
            "are",
            "is",
            "in",
            "on",
            "at",
            "to",
            "of",
            "a",
            "an");

    private Phrasebook() {}

    private static MetricWords m(Metric metric, String words) {
        return new MetricWords(metric, Pattern.compile("\\b(?:" + words + ")\\b"));
    }

    private static DimensionWords d(Dimension dimension, String words) {
        return new DimensionWords(dimension, Pattern.compile("\\b(?:" + words + ")\\b"));
    }
}
