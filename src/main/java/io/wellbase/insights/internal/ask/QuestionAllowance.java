package io.wellbase.insights.internal.ask;

import io.wellbase.platform.plans.Limit;
import io.wellbase.platform.plans.PlanGate;
import io.wellbase.platform.plans.UsageMeter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The questions an organization asks per month (UTC), for its tier's AI-questions allowance: a question past the
 * allowance is refused before it is read, an answered one is counted.
 */
@Component
class QuestionAllowance implements UsageMeter {

    private final JdbcClient jdbc;
    private final ObjectProvider<PlanGate> plans;

    QuestionAllowance(JdbcClient jdbc, ObjectProvider<PlanGate> plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    void admit(UUID org) {
        plans.getIfAvailable(() -> PlanGate.UNLOCKED).requireRoom(org, Limit.AI_QUESTIONS_PER_MONTH, 1);
    }

    void counted(UUID org, Instant at) {
        jdbc.sql("""
                INSERT INTO insight_question_counts (org_id, month, questions) VALUES (:org, :month, 1)
                ON CONFLICT (org_id, month) DO UPDATE SET questions = insight_question_counts.questions + 1
                """)
                .param("org", org)
                .param("month", LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1))
                .update();
    }

    @Override
    public Limit limit() {
        return Limit.AI_QUESTIONS_PER_MONTH;
    }

    @Override
    public long count(UUID organizationId, Instant since) {
        return jdbc.sql("""
                SELECT coalesce(sum(questions), 0) FROM insight_question_counts
                WHERE org_id = :org AND month >= :month
                """)
                .param("org", organizationId)
                .param("month", LocalDate.ofInstant(since, ZoneOffset.UTC).withDayOfMonth(1))
                .query(Long.class)
                .single();
    }
}
