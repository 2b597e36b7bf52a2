package io.wellbase.dataexchange.internal.imports;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Imports as an operator counts them: {@code wellbase.imports} by kind and outcome (completed, failed, cancelled;
 * dry runs as {@code dry_run}), and {@code wellbase.import.rows} by kind and result (created, updated, skipped,
 * failed, warned) for the imports that committed.
 */
@Component
class ImportMeters {

    private final MeterRegistry meters;

    ImportMeters(MeterRegistry meters) {
        this.meters = meters;
    }

    void finished(ImportKind kind, String outcome) {
        Counter.builder("wellbase.imports")
                .tag("kind", kind.value())
                .tag("outcome", outcome)
                .description("Imports finished, by kind and outcome")
                .register(meters)
                .increment();
    }

    void committed(ImportKind kind, ImportCounts counts) {
        rows(kind, "created", counts.created());
        rows(kind, "updated", counts.updated());
        rows(kind, "skipped", counts.skipped());
        rows(kind, "failed", counts.failed());
        rows(kind, "warned", counts.warnings());
    }

    private void rows(ImportKind kind, String result, long count) {
        Counter.builder("wellbase.import.rows")
                .tag("kind", kind.value())
                .tag("result", result)
                .description("Rows of committed imports, by kind and what became of them")
                .register(meters)
                .increment(count);
    }
}
