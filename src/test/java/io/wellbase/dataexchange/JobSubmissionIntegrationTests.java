package io.wellbase.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A job's row, its audit entry and its queue entry commit together: when queueing fails, nothing of
 * the request is left behind (no job that never runs, no audit entry of a job that does not exist).
 */
class JobSubmissionIntegrationTests extends IntegrationTest {

    @Test
    void aReportWhoseQueueingFailsLeavesNothingBehind() throws InterruptedException {
        Owner owner = ownerWithOrganization("Queue failure");
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION refuse_report_queueing() RETURNS trigger AS $$
                BEGIN
                    IF NEW.task_name = 'report' THEN RAISE EXCEPTION 'queue refused for the test'; END IF;
                    RETURN NEW;
                END $$ LANGUAGE plpgsql
                """).update();
        jdbc.sql("CREATE TRIGGER refuse_report_queueing BEFORE INSERT ON scheduled_tasks FOR EACH ROW "
                        + "EXECUTE FUNCTION refuse_report_queueing()")
                .update();
        try {
            Api.Response refused =
                    api.post("/api/v1/reports", Map.of("reportType", "client_roster", "format", "csv"), owner.token());
            assertThat(refused.status()).as(refused.toString()).isGreaterThanOrEqualTo(500);
        } finally {
            jdbc.sql("DROP TRIGGER refuse_report_queueing ON scheduled_tasks").update();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM reports WHERE org_id = :org")
                        .param("org", owner.orgId())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE org_id = :org AND action = 'report.requested'")
                        .param("org", owner.orgId())
                        .query(Integer.class)
                        .single())
                .isZero();

        Api.Response accepted =
                api.post("/api/v1/reports", Map.of("reportType", "client_roster", "format", "csv"), owner.token());
        assertThat(accepted.status()).isEqualTo(202);
        String status = null;
        for (int i = 0; i < 100 && !"completed".equals(status); i++) {
            Thread.sleep(100);
            status = api.get("/api/v1/reports/" + accepted.field("reportId"), owner.token())
                    .field("status");
        }
        assertThat(status)
                .as("a job queued in the request's transaction runs once it commits")
                .isEqualTo("completed");
    }
}
