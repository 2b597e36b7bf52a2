package io.wellbase.dataexchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.wellbase.support.Api;
import io.wellbase.support.OrganizationTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Helpers for import tests: submit a file as multipart and wait for its job to end. */
public abstract class ImportTest extends OrganizationTest {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static byte[] utf8WithBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    protected Api.Response submit(
            String token, String kind, String filename, byte[] content, Map<String, String> extra) {
        Map<String, String> fields = new java.util.HashMap<>(extra);
        fields.put("kind", kind);
        return api.upload("/api/v1/imports", fields, filename, content, token);
    }

    /** Submits and waits; the job must end (completed, failed or cancelled) within 60 seconds. */
    protected JsonNode importAndWait(
            String token, String kind, String filename, byte[] content, Map<String, String> extra) {
        Api.Response submitted = submit(token, kind, filename, content, extra);
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(202);
        return waitFor(token, submitted.id());
    }

    protected JsonNode waitFor(String token, UUID id) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            Api.Response job = api.get("/api/v1/imports/" + id, token);
            String status = job.field("status");
            if (status.equals("completed") || status.equals("failed") || status.equals("cancelled")) {
                return job.json();
            }
            assertThat(System.currentTimeMillis())
                    .as("import " + id + " still " + status)
                    .isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    JsonNode errors(String token, JsonNode job) {
        return api.get("/api/v1/imports/" + job.path("id").asString() + "/errors?page_size=200", token)
                .json()
                .path("data");
    }

    protected static long count(JsonNode job, String counter) {
        return job.path("counts").path(counter).asLong();
    }
}
