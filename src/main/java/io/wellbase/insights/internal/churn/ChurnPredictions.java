package io.wellbase.insights.internal.churn;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trains an organization's churn model on its own history and scores its clients. Training is honest about
 * time: the held-out day is 30 days ago (so what happened after it is known), and every training day lies at
 * least 30 days before that, so no label reaches past the held-out day. The logistic regression is used only
 * when there was enough history and it ranked the held-out day better than the rules did; otherwise the rules
 * score, and the model's page says why.
 */
@Service
class ChurnPredictions {

    static final int TRAINING_DAYS = 12;
    static final int TRAINING_STEP = 14;
    static final int MIN_TRAIN_ROWS = 200;
    static final int MIN_CLASS_ROWS = 20;
    static final int MIN_TEST_ROWS = 50;
    static final int MIN_TEST_POSITIVES = 5;

    private final FeatureQuery features;
    private final ChurnStore store;
    private final Clock clock;

    ChurnPredictions(FeatureQuery features, ChurnStore store, Clock clock) {
        this.features = features;
        this.store = store;
        this.clock = clock;
    }

    /** Trains (or falls back to the rules) as of {@code today}, stores the model with its evaluation. */
    @Transactional
    ChurnStore.Stored train(UUID org, LocalDate today) {
        long started = System.nanoTime();
        LocalDate heldOut = today.minusDays(30);
        List<LocalDate> trainingDays = new ArrayList<>();
        for (int k = 0; k < TRAINING_DAYS; k++) {
            trainingDays.add(heldOut.minusDays(30L + (long) TRAINING_STEP * k));
        }
        List<Features> train = features.asOf(org, trainingDays);
        List<Features> test = features.asOf(org, List.of(heldOut));
        Evaluation rules = evaluate(test, f -> Rules.probability(f.facts()));
        long leaving = train.stream().filter(Features::churned).count();
        long testLeaving = test.stream().filter(Features::churned).count();
        String method = "rules";
        String note;
        LinearModel model = null;
        Evaluation chosen = rules;
        if (train.size() < MIN_TRAIN_ROWS
                || leaving < MIN_CLASS_ROWS
                || train.size() - leaving < MIN_CLASS_ROWS
                || test.size() < MIN_TEST_ROWS
                || testLeaving < MIN_TEST_POSITIVES) {
            note = "Too little history to train on (%d training rows, %d who left; %d held-out rows, %d who left):"
                            .formatted(train.size(), leaving, test.size(), testLeaving)
                    + " the rules score.";
        } else {
            LinearModel trained = Trainer.train(train);
            Evaluation evaluated = evaluate(test, f -> trained.probability(f.values()));
            if (Double.isNaN(rules.auc()) || evaluated.auc() >= rules.auc()) {
                method = "logistic_regression";
                model = trained;
                chosen = evaluated;
                note = "Logistic regression trained on %d rows over %d days, tested on %s."
                        .formatted(train.size(), TRAINING_DAYS, heldOut);
            } else {
                note =
                        "The trained model ranked the held-out day worse than the rules (AUC %.3f against %.3f): the rules score."
                                .formatted(evaluated.auc(), rules.auc());
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        ChurnStore.Stored stored = new ChurnStore.Stored(
                org,
                method,
                OffsetDateTime.now(clock),
                today,
                train.size(),
                test.size(),
                (int) testLeaving,
                finite(chosen.auc()),
                finite(chosen.precisionAt10()),
                finite(chosen.brier()),
                finite(rules.auc()),
                finite(rules.precisionAt10()),
                finite(rules.brier()),
                Features.NAMES,
                model == null ? null : model.weights(),
                model,
                ms,
                note);
        store.save(stored);
        return stored;
    }

    /**
     * Scores every client who came in the last 60 days, as of {@code today}, with the stored method; a model
     * stored with other features (an older version's) is trained again first.
     */
    @Transactional
    int score(UUID org, LocalDate today) {
        ChurnStore.Stored stored = store.model(org)
                .filter(m -> m.features().equals(Features.NAMES))
                .orElseGet(() -> train(org, today));
        LinearModel model = stored.model();
        List<Features> rows = features.asOf(org, List.of(today));
        List<UUID> clients = new ArrayList<>(rows.size());
        double[] p = new double[rows.size()];
        List<List<String>> reasons = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Features f = rows.get(i);
            clients.add(f.clientId());
            p[i] = model == null ? Rules.probability(f.facts()) : model.probability(f.values());
            reasons.add(Reasons.of(f, model == null ? new double[0] : model.contributions(f.values())));
        }
        store.replaceScores(org, today, stored.method(), clients, p, reasons);
        return rows.size();
    }

    /** Scores as of today, scoring first when the stored ones are older. */
    @Transactional
    List<ChurnStore.Scored> atRisk(UUID org, LocalDate today, double minScore, int limit) {
        if (store.scoredAsOf(org).map(d -> d.isBefore(today)).orElse(true)) {
            score(org, today);
        }
        return store.scores(org, minScore, limit);
    }

    java.util.Optional<ChurnStore.Stored> model(UUID org) {
        return store.model(org);
    }

    private static Evaluation evaluate(List<Features> rows, java.util.function.ToDoubleFunction<Features> score) {
        double[] s = new double[rows.size()];
        boolean[] y = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            s[i] = score.applyAsDouble(rows.get(i));
            y[i] = rows.get(i).churned();
        }
        return Evaluation.of(s, y);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
