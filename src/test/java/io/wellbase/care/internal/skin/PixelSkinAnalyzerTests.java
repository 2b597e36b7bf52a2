package io.wellbase.care.internal.skin;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * How the default analyzer's measures behave across skin tones, on photos it generates: six base tones from very
 * light to very deep, each plain (with fine texture), with red patches, with uneven darker spots, with shine, blurred
 * and underexposed. Every tone must be accepted plain and refused blurred or dark; red patches must raise redness,
 * spots lower evenness and highlights raise shine by a clear margin in every tone. The table it prints is in
 * docs/care.md.
 */
class PixelSkinAnalyzerTests {

    static final int[][] TONES = {
        {246, 222, 205}, {232, 192, 160}, {208, 160, 124}, {170, 120, 86}, {124, 84, 58}, {78, 52, 38}
    };

    private final PixelSkinAnalyzer analyzer = new PixelSkinAnalyzer();

    @Test
    void measuresMoveTheSameWayInEveryTone() {
        List<String> table = new ArrayList<>();
        table.add(
                "tone | plain redness / evenness / brightness / shine | redness with patches | evenness with spots | shine with highlights | blurred | dark");
        for (int t = 0; t < TONES.length; t++) {
            int[] tone = TONES[t];
            SkinAnalyzer.Result plain = analyzer.analyze(photo(tone, Variant.PLAIN, t));
            SkinAnalyzer.Result red = analyzer.analyze(photo(tone, Variant.RED, t));
            SkinAnalyzer.Result spots = analyzer.analyze(photo(tone, Variant.SPOTS, t));
            SkinAnalyzer.Result shine = analyzer.analyze(photo(tone, Variant.SHINE, t));
            SkinAnalyzer.Result blurred = analyzer.analyze(photo(tone, Variant.BLURRED, t));
            SkinAnalyzer.Result dark = analyzer.analyze(photo(tone, Variant.DARK, t));
            String which = "tone " + (t + 1);
            assertThat(plain.quality().acceptable())
                    .as(which + " plain " + plain.quality())
                    .isTrue();
            assertThat(blurred.quality().acceptable())
                    .as(which + " blurred " + blurred.quality())
                    .isFalse();
            assertThat(dark.quality().acceptable())
                    .as(which + " dark " + dark.quality())
                    .isFalse();
            assertThat(red.measures().redness() - plain.measures().redness())
                    .as(which + " redness")
                    .isGreaterThan(5);
            assertThat(plain.measures().evenness() - spots.measures().evenness())
                    .as(which + " evenness")
                    .isGreaterThan(5);
            assertThat(shine.measures().shine() - plain.measures().shine())
                    .as(which + " shine")
                    .isGreaterThan(5);
            SkinAnalyzer.Measures m = plain.measures();
            table.add(String.format(
                    Locale.ROOT,
                    "%d | %.1f / %.1f / %.1f / %.1f | %.1f | %.1f | %.1f | %s | %s",
                    t + 1,
                    m.redness(),
                    m.evenness(),
                    m.brightness(),
                    m.shine(),
                    red.measures().redness(),
                    spots.measures().evenness(),
                    shine.measures().shine(),
                    blurred.quality().acceptable() ? "accepted" : "refused",
                    dark.quality().acceptable() ? "accepted" : "refused"));
        }
        System.out.println("skin analyzer across tones:\n" + String.join("\n", table));
    }

    enum Variant {
        PLAIN,
        RED,
        SPOTS,
        SHINE,
        BLURRED,
        DARK
    }

    static BufferedImage photo(int[] tone, Variant v, long seed) {
        int w = 400;
        int h = 300;
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double noise = v == Variant.BLURRED ? 0 : random.nextGaussian() * 7;
                double r = tone[0] + noise;
                double g = tone[1] + noise;
                double b = tone[2] + noise;
                boolean centre = x > w * 0.25 && x < w * 0.75 && y > h * 0.25 && y < h * 0.75;
                if (v == Variant.RED && centre && ((x / 20 + y / 20) % 2 == 0)) {
                    r += 35;
                    g -= 15;
                    b -= 5;
                }
                if (v == Variant.SPOTS && centre && ((x / 15) % 3 == 0) && ((y / 15) % 3 == 0)) {
                    r *= 0.6;
                    g *= 0.6;
                    b *= 0.6;
                }
                if (v == Variant.SHINE && centre && ((x / 10) % 4 == 0) && ((y / 10) % 4 == 0)) {
                    r = 250;
                    g = 248;
                    b = 246;
                }
                if (v == Variant.DARK) {
                    r *= 0.08;
                    g *= 0.08;
                    b *= 0.08;
                }
                img.setRGB(x, y, (clamp(r) << 16) | (clamp(g) << 8) | clamp(b));
            }
        }
        return img;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
