package io.wellbase.dataexchange.internal.mindbody;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.wellbase.dataexchange.internal.imports.SyncedImports;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * One sync with a Mindbody site: clients changed since the last sync, then the visits of classes since then, the
 * memberships of the clients that changed, and the sales since then. Each kind is read page by page, written as a
 * CSV in the importer's columns and imported as an ordinary import (listed under /api/v1/imports, with its counts
 * and row errors); a kind's mark moves on only when its import completed, so a failed or interrupted sync repeats
 * from the same point next time (imports are idempotent by their external ids).
 */
@Component
class MindbodySync {

    private static final Logger log = LoggerFactory.getLogger(MindbodySync.class);

    private final MindbodyApi api;
    private final MindbodyConnections connections;
    private final MindbodySyncs syncs;
    private final SyncedImports imports;
    private final MindbodyProperties properties;
    private final JdbcClient jdbc;

    MindbodySync(
            MindbodyApi api,
            MindbodyConnections connections,
            MindbodySyncs syncs,
            SyncedImports imports,
            MindbodyProperties properties,
            JdbcClient jdbc) {
        this.api = api;
        this.connections = connections;
        this.syncs = syncs;
        this.imports = imports;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    void run(UUID syncId) {
        MindbodySyncs.Sync sync = syncs.find(syncId).orElse(null);
        if (sync == null || !sync.status().equals("queued") && !sync.status().equals("processing")) {
            return;
        }
        syncs.start(syncId);
        MindbodyApi.Meter meter = new MindbodyApi.Meter();
        List<Map<String, Object>> steps = new ArrayList<>();
        try {
            MindbodyConnections.Connection connection = connections
                    .find(sync.orgId())
                    .orElseThrow(() -> new MindbodyApi.Failure(0, "the Mindbody site is no longer connected"));
            Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            ZoneId zone = ZoneId.of(jdbc.sql("SELECT timezone FROM report_organizations WHERE org_id = :org")
                    .param("org", sync.orgId())
                    .query(String.class)
                    .single());
            Set<String> changedClients = new LinkedHashSet<>();
            List<List<String>> clients = clients(connection, meter, changedClients);
            if (!step(sync, connection, "clients", MindbodyRows.CLIENTS, clients, started, steps)) {
                return;
            }
            if (!step(
                    sync, connection, "visits", MindbodyRows.VISITS, visits(connection, zone, meter), started, steps)) {
                return;
            }
            if (!step(
                    sync,
                    connection,
                    "memberships",
                    MindbodyRows.MEMBERSHIPS,
                    memberships(connection, changedClients, meter),
                    started,
                    steps)) {
                return;
            }
            if (!step(sync, connection, "sales", MindbodyRows.SALES, sales(connection, zone, meter), started, steps)) {
                return;
            }
            syncs.finish(syncId, "completed", steps, null, meter.requests);
        } catch (MindbodyApi.Failure e) {
            log.warn("Mindbody sync {} failed: {}", syncId, e.getMessage());
            syncs.finish(syncId, "failed", steps, e.getMessage(), meter.requests);
        } catch (RuntimeException e) {
            log.warn("Mindbody sync {} failed", syncId, e);
            syncs.finish(
                    syncId, "failed", steps, "the sync stopped: " + e.getClass().getSimpleName(), meter.requests);
        } finally {
            syncs.requests(syncId, meter.requests);
        }
    }

    /** Imports one kind's rows; answers whether the sync goes on. Nothing to import is a completed step. */
    private boolean step(
            MindbodySyncs.Sync sync,
            MindbodyConnections.Connection connection,
            String kind,
            List<String> header,
            List<List<String>> rows,
            Instant started,
            List<Map<String, Object>> steps) {
        Map<String, Object> step = new java.util.LinkedHashMap<>();
        step.put("kind", kind);
        step.put("rows", rows.size());
        if (rows.isEmpty()) {
            step.put("status", "completed");
            steps.add(step);
            connections.syncedThrough(sync.orgId(), kind, started);
            syncs.progress(sync.id(), steps);
            return true;
        }
        SyncedImports.Outcome outcome = imports.run(
                sync.orgId(),
                sync.requestedBy(),
                kind,
                "mindbody-" + kind + "-" + started + ".csv",
                new ByteArrayInputStream(csv(header, rows).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        step.put("importId", outcome.importId());
        step.put("status", outcome.status());
        step.put("created", outcome.created());
        step.put("updated", outcome.updated());
        step.put("failed", outcome.failed());
        steps.add(step);
        syncs.progress(sync.id(), steps);
        if (!outcome.completed()) {
            syncs.finish(
                    sync.id(),
                    "failed",
                    steps,
                    "the " + kind + " import " + outcome.status() + ": " + outcome.error(),
                    0);
            return false;
        }
        connections.syncedThrough(sync.orgId(), kind, started);
        return true;
    }

    private List<List<String>> clients(MindbodyConnections.Connection c, MindbodyApi.Meter meter, Set<String> ids) {
        Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        Instant since = c.syncedThrough().get("clients");
        if (since != null) {
            query.put(
                    "request.lastModifiedDate",
                    List.of(since.minus(1, ChronoUnit.MINUTES).toString()));
        }
        List<List<String>> rows = new ArrayList<>();
        api.pages(c.site(), "/client/clients", query, "Clients", meter, client -> {
            List<String> row = MindbodyRows.client(client);
            if (row.get(0) != null) {
                ids.add(row.get(0));
                rows.add(row);
            }
        });
        return rows;
    }

    private List<List<String>> visits(MindbodyConnections.Connection c, ZoneId zone, MindbodyApi.Meter meter) {
        LocalDateTime now = LocalDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime from = since(c, "visits", zone);
        Map<String, List<String>> window = Map.of(
                "request.startDateTime", List.of(from.toString()), "request.endDateTime", List.of(now.toString()));
        List<JsonNode> classes = new ArrayList<>();
        api.pages(c.site(), "/class/classes", window, "Classes", meter, classes::add);
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode klass : classes) {
            String id = MindbodyRows.text(klass, "Id");
            if (id == null) {
                continue;
            }
            JsonNode visits = api.get(c.site(), "/class/classvisits", Map.of("request.classID", List.of(id)), meter)
                    .path("Class")
                    .path("Visits");
            for (JsonNode visit : visits) {
                rows.add(MindbodyRows.visit(visit, klass));
            }
        }
        return rows;
    }

    private List<List<String>> memberships(
            MindbodyConnections.Connection c, Set<String> clients, MindbodyApi.Meter meter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>(clients);
        for (int i = 0; i < ids.size(); i += 200) {
            Map<String, List<String>> query =
                    Map.of("request.clientIds", ids.subList(i, Math.min(ids.size(), i + 200)));
            api.pages(c.site(), "/client/activeclientsmemberships", query, "ClientMemberships", meter, client -> {
                String clientId = MindbodyRows.text(client, "ClientId");
                for (JsonNode m : client.path("Memberships")) {
                    rows.add(MindbodyRows.membership(clientId, m));
                }
            });
        }
        return rows;
    }

    private List<List<String>> sales(MindbodyConnections.Connection c, ZoneId zone, MindbodyApi.Meter meter) {
        LocalDateTime now = LocalDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
        Map<String, List<String>> window = Map.of(
                "request.startSaleDateTime", List.of(since(c, "sales", zone).toString()),
                "request.endSaleDateTime", List.of(now.toString()));
        List<List<String>> rows = new ArrayList<>();
        api.pages(c.site(), "/sale/sales", window, "Sales", meter, sale -> rows.addAll(MindbodyRows.sale(sale)));
        return rows;
    }

    /** From a day before the last sync of the kind (a day's overlap, imports are idempotent), or the first window. */
    private LocalDateTime since(MindbodyConnections.Connection c, String kind, ZoneId zone) {
        Instant through = c.syncedThrough().get(kind);
        Instant from = through == null
                ? Instant.now().minus(properties.firstSyncDays(), ChronoUnit.DAYS)
                : through.minus(1, ChronoUnit.DAYS);
        return LocalDateTime.ofInstant(from, zone).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String csv(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder().build(out)) {
            writer.writeRecord(header);
            for (List<String> row : rows) {
                writer.writeRecord(row.stream().map(v -> v == null ? "" : v).toList());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
