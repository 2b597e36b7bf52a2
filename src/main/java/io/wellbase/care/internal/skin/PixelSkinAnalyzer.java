package io.wellbase.care.internal.skin;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The default analyzer: the photo is scaled to at most 512 pixels a side; its sharpness is the variance of the
 * Laplacian of the grey image, its exposure the mean CIELAB lightness, its clipping the share of pixels at black or
 * white. A photo too blurry, too dark, too bright or too clipped is refused with the reason. On the central 60 % of
 * the photo (where the face or the patch of skin is framed): redness from the mean CIELAB a* (green–red axis),
 * evenness from the spread of lightness, brightness from the mean lightness, shine from the share of bright, nearly
 * colourless pixels (lighter than the skin around by 15, or near white). Lightness is measured relative to the photo's own mean so that redness and evenness do not
 * depend on the skin's depth of tone.
 */
@Component
class PixelSkinAnalyzer implements SkinAnalyzer {

    static final int SIDE = 512;
    static final double MIN_SHARPNESS = 15;
    static final double MIN_EXPOSURE = 12;
    static final double MAX_EXPOSURE = 95;
    static final double MAX_CLIPPED = 0.35;

    @Override
    public Result analyze(BufferedImage original) {
        BufferedImage image = scaled(original);
        int w = image.getWidth();
        int h = image.getHeight();
        double[][] lab = new double[w * h][];
        double[] grey = new double[w * h];
        int clipped = 0;
        double lightness = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                double[] l = lab(r, g, b);
                lab[y * w + x] = l;
                grey[y * w + x] = 0.299 * r + 0.587 * g + 0.114 * b;
                lightness += l[0];
                if ((r < 4 && g < 4 && b < 4) || (r > 251 && g > 251 && b > 251)) {
                    clipped++;
                }
            }
        }
        double exposure = lightness / (w * h);
        double clippedShare = clipped / (double) (w * h);
        double sharpness = laplacianVariance(grey, w, h);
        List<String> problems = new ArrayList<>();
        if (sharpness < MIN_SHARPNESS) {
            problems.add("the photo is too blurry: hold still, focus on the skin, and use more light");
        }
        if (exposure < MIN_EXPOSURE) {
            problems.add("the photo is too dark: take it in daylight or under a bright, even light");
        }
        if (exposure > MAX_EXPOSURE) {
            problems.add("the photo is too bright: avoid direct flash and strong light on the skin");
        }
        if (clippedShare > MAX_CLIPPED) {
            problems.add("too much of the photo is pure black or white: frame the skin and avoid glare");
        }
        Quality quality =
                new Quality(problems.isEmpty(), round(sharpness), round(exposure), round(clippedShare), problems);
        return new Result(quality, measures(lab, w, h));
    }

    private static Measures measures(double[][] lab, int w, int h) {
        int x0 = (int) (w * 0.2);
        int x1 = (int) (w * 0.8);
        int y0 = (int) (h * 0.2);
        int y1 = (int) (h * 0.8);
        double sumL = 0;
        double sumA = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sumL += lab[y * w + x][0];
                sumA += lab[y * w + x][1];
                n++;
            }
        }
        double meanL = sumL / n;
        double meanA = sumA / n;
        double sumChroma = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sumChroma += Math.hypot(lab[y * w + x][1], lab[y * w + x][2]);
            }
        }
        double meanChroma = sumChroma / n;
        double varL = 0;
        int shine = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                double[] p = lab[y * w + x];
                varL += (p[0] - meanL) * (p[0] - meanL);
                double chroma = Math.hypot(p[1], p[2]);
                // a highlight: much lighter than the skin around it (or near white) and nearly colourless
                if (p[0] >= Math.min(meanL + 15, 96) && chroma < Math.max(4, meanChroma * 0.4)) {
                    shine++;
                }
            }
        }
        double spread = Math.sqrt(varL / n) / Math.max(meanL, 1) * 100; // relative to the skin's own lightness
        return new Measures(
                round(clamp(meanA * 3)), // a* of skin runs about 5–30; ×3 puts it on 0–100
                round(clamp(100 - spread * 2.5)),
                round(clamp(meanL)),
                round(clamp(shine * 100.0 / n * 5)));
    }

    private static double laplacianVariance(double[] grey, int w, int h) {
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int y = 1; y < h - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                double v = grey[(y - 1) * w + x]
                        + grey[(y + 1) * w + x]
                        + grey[y * w + x - 1]
                        + grey[y * w + x + 1]
                        - 4 * grey[y * w + x];
                sum += v;
                sq += v * v;
                n++;
            }
        }
        double mean = sum / n;
        return sq / n - mean * mean;
    }

    /** sRGB (D65) to CIELAB. */
    static double[] lab(int r8, int g8, int b8) {
        double r = linear(r8 / 255.0);
        double g = linear(g8 / 255.0);
        double b = linear(b8 / 255.0);
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static BufferedImage scaled(BufferedImage in) {
        int w = in.getWidth();
        int h = in.getHeight();
        double k = Math.min(1.0, SIDE / (double) Math.max(w, h));
        int sw = Math.max(8, (int) Math.round(w * k));
        int sh = Math.max(8, (int) Math.round(h * k));
        BufferedImage out = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(in, 0, 0, sw, sh, null);
        g.dispose();
        return out;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(100, v));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
