package io.wellbase.care.internal.advisor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The crisis layer's second reader: a logistic regression over hashed character n-grams (3 to 5 letters, so that
 * "pastillas", "pilules" and "pills" share pieces) of the folded text, trained at start-up on the labelled messages in
 * {@code care/crisis-training.tsv} (the red-team development sets). It catches some phrasings no pattern lists; it is
 * a statistical guess from a few hundred examples, so it only ever adds routing, never removes it.
 */
final class CrisisModel {

    static final int BUCKETS = 1 << 18;
    static final double THRESHOLD = 0.3;
    private static final int EPOCHS = 30;
    private static final double RATE = 0.2;
    private static final double L2 = 1e-5;

    private final double[] weights = new double[BUCKETS];
    private double bias;

    record Example(int[] features, boolean crisis) {}

    static CrisisModel trained() {
        return trainedOn(load());
    }

    static CrisisModel trainedOn(List<Example> examples) {
        CrisisModel model = new CrisisModel();
        model.train(examples);
        return model;
    }

    double probability(String text) {
        return probability(features(text));
    }

    double probability(int[] features) {
        double a = bias;
        for (int f : features) {
            a += weights[f];
        }
        return 1 / (1 + Math.exp(-a));
    }

    private void train(List<Example> examples) {
        double[] squares = new double[BUCKETS];
        double biasSquares = 0;
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(17);
        // the classes weigh the same in the loss whatever their counts (the red-team sets hold more crisis messages
        // than safe ones, while real traffic is mostly ordinary questions)
        long crisis = examples.stream().filter(Example::crisis).count();
        long safe = examples.size() - crisis;
        double crisisWeight = crisis == 0 ? 1 : examples.size() / (2.0 * crisis);
        double safeWeight = safe == 0 ? 1 : examples.size() / (2.0 * safe);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            for (Example e : order) {
                double a = bias;
                for (int f : e.features()) {
                    a += weights[f];
                }
                double gradient =
                        (1 / (1 + Math.exp(-a)) - (e.crisis() ? 1 : 0)) * (e.crisis() ? crisisWeight : safeWeight);
                for (int f : e.features()) {
                    double g = gradient + L2 * weights[f];
                    squares[f] += g * g;
                    weights[f] -= RATE * g / Math.sqrt(squares[f] + 1e-8);
                }
                biasSquares += gradient * gradient;
                bias -= RATE * gradient / Math.sqrt(biasSquares + 1e-8);
            }
        }
    }

    /** The hashed n-grams of the folded text's words, each word padded with spaces at both ends. */
    static int[] features(String text) {
        String folded = " "
                + CrisisScreen.fold(text).replaceAll("[^\\p{L}\\p{N}']+", " ").strip() + " ";
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int n = 3; n <= 5; n++) {
            for (int i = 0; i + n <= folded.length(); i++) {
                seen.add(Math.floorMod(folded.substring(i, i + n).hashCode() * 0x9E3779B1, BUCKETS));
            }
        }
        return seen.stream().mapToInt(Integer::intValue).toArray();
    }

    static List<Example> load() {
        try (InputStream in = CrisisModel.class.getResourceAsStream("/care/crisis-training.tsv")) {
            if (in == null) {
                throw new IllegalStateException("care/crisis-training.tsv is missing");
            }
            List<Example> examples = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                String[] f = line.split("\t", -1);
                if (f.length == 5 && (f[1].equals("crisis") || f[1].equals("safe"))) {
                    examples.add(new Example(features(f[4]), f[1].equals("crisis")));
                }
            }
            return examples;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
