package io.wellbase.care.internal.skin;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Measures what a photo of skin shows. It never diagnoses; the default one measures pixels, and a trained model may
 * replace it behind this interface.
 */
interface SkinAnalyzer {

    /** Whether the photo can be measured, and why not. */
    record Quality(boolean acceptable, double sharpness, double exposure, double clipped, List<String> problems) {}

    /**
     * The measures, each 0–100: redness (how far the skin leans to red), evenness (100 = one even tone),
     * brightness (lightness of the skin), shine (share of specular highlights).
     */
    record Measures(double redness, double evenness, double brightness, double shine) {}

    record Result(Quality quality, Measures measures) {}

    Result analyze(BufferedImage image);
}
