package io.wellbase.platform.plans;

/**
 * The organization's tier does not include a feature (402 {@code plan.feature_unavailable}) or its limit is
 * reached (403 {@code plan.limit_reached}); the platform's problem handler answers it with the feature or limit
 * named.
 */
public final class PlanRefusal extends RuntimeException {

    /** The two refusals, with their problem codes. */
    private enum Kind {
        FEATURE_UNAVAILABLE("plan.feature_unavailable", "The plan does not include the feature", 402),
        LIMIT_REACHED("plan.limit_reached", "The plan's limit is reached", 403);

        private final String code;
        private final String summary;
        private final int status;

        Kind(String code, String summary, int status) {
            this.code = code;
            this.summary = summary;
            this.status = status;
        }
    }

    private final int status;
    private final String code;
    private final String subject;

    private PlanRefusal(int status, String code, String subject, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.subject = subject;
    }

    public static PlanRefusal featureUnavailable(Feature feature) {
        return new PlanRefusal(
                Kind.FEATURE_UNAVAILABLE.status,
                Kind.FEATURE_UNAVAILABLE.code,
                feature.value(),
                "The organization's plan does not include " + feature.value() + "; upgrade to use it");
    }

    public static PlanRefusal limitReached(Limit limit) {
        return new PlanRefusal(
                Kind.LIMIT_REACHED.status,
                Kind.LIMIT_REACHED.code,
                limit.value(),
                "The organization's plan allows no more " + limit.value() + "; upgrade or free some first");
    }

    /** More would be added at once (an import) than the limit has room for; nothing of them is added. */
    public static PlanRefusal limitReached(Limit limit, long adding, long room) {
        return new PlanRefusal(
                Kind.LIMIT_REACHED.status,
                Kind.LIMIT_REACHED.code,
                limit.value(),
                "This would add " + adding + " " + limit.value() + " but the organization's plan has room for "
                        + Math.max(room, 0) + " more; upgrade or free some first");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The feature or limit, as the API names it. */
    public String subject() {
        return subject;
    }
}
