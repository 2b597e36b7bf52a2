package io.wellbase.insights.internal.churn;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the logistic regression with Tribuo's linear SGD (log loss, AdaGrad, a fixed seed so a retrain on the
 * same rows gives the same model) on standardised features, and keeps it as plain weights.
 */
final class Trainer {

    static final String LEAVES = "leaves";
    static final String STAYS = "stays";
    private static final int EPOCHS = 25;
    private static final long SEED = 20261201L;

    private Trainer() {}

    static LinearModel train(List<Features> rows) {
        double[][] standard = LinearModel.standardisation(rows);
        double[] mean = standard[0];
        double[] std = standard[1];
        String[] names = Features.NAMES.toArray(String[]::new);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("churn", factory), factory);
        for (Features f : rows) {
            double[] z = new double[names.length];
            for (int i = 0; i < names.length; i++) {
                z[i] = std[i] == 0 ? 0 : (f.values()[i] - mean[i]) / std[i];
            }
            data.add(new ArrayExample<>(new Label(f.churned() ? LEAVES : STAYS), names, z));
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.3, 0.1), EPOCHS, 1, SEED);
        LinearSGDModel model = trainer.train(data);
        Map<String, List<Pair<String, Double>>> top = model.getTopFeatures(-1);
        Map<String, Double> leaves = weights(top.get(LEAVES));
        Map<String, Double> stays = weights(top.get(STAYS));
        double[] w = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            w[i] = leaves.getOrDefault(names[i], 0.0) - stays.getOrDefault(names[i], 0.0);
        }
        double bias = leaves.getOrDefault(Model.BIAS_FEATURE, 0.0) - stays.getOrDefault(Model.BIAS_FEATURE, 0.0);
        return new LinearModel(mean, std, w, bias);
    }

    private static Map<String, Double> weights(List<Pair<String, Double>> pairs) {
        Map<String, Double> map = new HashMap<>();
        if (pairs != null) {
            pairs.forEach(p -> map.put(p.getA(), p.getB()));
        }
        return map;
    }
}
