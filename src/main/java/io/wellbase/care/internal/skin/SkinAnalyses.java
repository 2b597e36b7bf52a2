package io.wellbase.care.internal.skin;

import io.wellbase.files.FilePurpose;
import io.wellbase.files.StoredFile;
import io.wellbase.files.StoredFiles;
import io.wellbase.platform.data.Ids;
import io.wellbase.platform.jobs.BackgroundJobs;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A skin analysis of a client's photos: queued, then measured by a job. Each photo's quality is checked first, and
 * a poor photo refuses the analysis with the reason; otherwise the photos' measures are averaged, compared with the
 * client's previous analysis and turned into the organization's own recommendations.
 */
@Service
class SkinAnalyses {

    private static final Logger log = LoggerFactory.getLogger(SkinAnalyses.class);

    private final SkinStore store;
    private final StoredFiles files;
    private final SkinAnalyzer analyzer;
    private final SkinRecommendations recommendations;
    private final BackgroundJobs jobs;
    private final SkinJob job;
    private final ObjectMapper json;

    SkinAnalyses(
            SkinStore store,
            StoredFiles files,
            SkinAnalyzer analyzer,
            SkinRecommendations recommendations,
            BackgroundJobs jobs,
            SkinJob job,
            ObjectMapper json) {
        this.store = store;
        this.files = files;
        this.analyzer = analyzer;
        this.recommendations = recommendations;
        this.jobs = jobs;
        this.job = job;
        this.json = json;
    }

    /** What is wrong with the photos asked for, if anything (each must be one of the client's skin images). */
    List<String> problems(UUID org, UUID client, List<UUID> fileIds) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < fileIds.size(); i++) {
            StoredFile f = files.find(org, fileIds.get(i)).orElse(null);
            if (f == null || f.purpose() != FilePurpose.SKIN_IMAGE || !client.equals(f.clientId())) {
                problems.add("imageFileIds[" + i + "]");
            }
        }
        return problems;
    }

    @Transactional
    UUID queue(UUID org, UUID client, List<UUID> fileIds, JsonNode metadata, UUID by) {
        UUID id = Ids.newId();
        store.insert(org, id, client, fileIds, metadata, by);
        jobs.runSoon(job.task(), id);
        return id;
    }

    /** Measures a queued analysis (the job); one finished already is left as it is. */
    @Transactional
    void run(UUID id) {
        UUID org = store.orgOf(id).orElse(null);
        if (org == null) {
            return;
        }
        SkinStore.Analysis a = store.find(org, id).orElseThrow();
        if (!a.status().equals("queued")) {
            return;
        }
        List<SkinAnalyzer.Result> results = new ArrayList<>();
        for (UUID fileId : a.imageFileIds()) {
            BufferedImage image;
            try (InputStream in = files.open(org, fileId)) {
                image = ImageIO.read(in);
            } catch (Exception e) {
                log.warn("skin image {} could not be read: {}", fileId, e.toString());
                image = null;
            }
            if (image == null) {
                store.finish(org, id, "refused", null, "image " + fileId + " could not be read as a picture");
                return;
            }
            SkinAnalyzer.Result r = analyzer.analyze(image);
            if (!r.quality().acceptable()) {
                store.finish(
                        org,
                        id,
                        "refused",
                        Map.of("quality", r.quality()),
                        String.join("; ", r.quality().problems()));
                return;
            }
            results.add(r);
        }
        SkinAnalyzer.Measures m = new SkinAnalyzer.Measures(
                avg(results, SkinAnalyzer.Measures::redness),
                avg(results, SkinAnalyzer.Measures::evenness),
                avg(results, SkinAnalyzer.Measures::brightness),
                avg(results, SkinAnalyzer.Measures::shine));
        SkinAnalyzer.Measures previous = store.previous(org, a.clientId(), id)
                .map(p -> p.result() == null
                        ? null
                        : json.treeToValue(p.result().path("measures"), SkinAnalyzer.Measures.class))
                .orElse(null);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("measures", m);
        result.put("quality", results.stream().map(SkinAnalyzer.Result::quality).toList());
        if (previous != null) {
            result.put(
                    "changeSinceLast",
                    new SkinAnalyzer.Measures(
                            round(m.redness() - previous.redness()),
                            round(m.evenness() - previous.evenness()),
                            round(m.brightness() - previous.brightness()),
                            round(m.shine() - previous.shine())));
        }
        result.put("recommendations", recommendations.of(org, m, previous));
        result.put(
                "note",
                "These figures describe what the photos show (colour, evenness, light); they are not a"
                        + " diagnosis. Compare your own photos over time, taken in the same light.");
        store.finish(org, id, "done", result, null);
    }

    private static double avg(
            List<SkinAnalyzer.Result> results, java.util.function.ToDoubleFunction<SkinAnalyzer.Measures> measure) {
        return round(results.stream()
                .mapToDouble(r -> measure.applyAsDouble(r.measures()))
                .average()
                .orElse(0));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
