package nl.kamervragen.report;

import java.util.List;
import java.util.Locale;

/**
 * Colours that stay apart for readers with colour-vision deficiencies: the Okabe-Ito palette for
 * series, and a sequential light-to-dark scale (from the viridis map) for heat maps.
 */
final class Palette {

  static final List<String> SERIES =
      List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000");

  private static final int[][] SEQUENTIAL = {
    {253, 231, 37}, {94, 201, 98}, {33, 145, 140}, {59, 82, 139}, {68, 1, 84}
  };

  private Palette() {}

  static String series(int index) {
    return SERIES.get(index % SERIES.size());
  }

  /** A colour for a value from 0 (lightest) to 1 (darkest). */
  static String sequential(double fraction) {
    double f = Math.max(0, Math.min(1, fraction)) * (SEQUENTIAL.length - 1);
    int low = (int) Math.floor(f);
    int high = Math.min(low + 1, SEQUENTIAL.length - 1);
    double t = f - low;
    int[] rgb = new int[3];
    for (int i = 0; i < 3; i++) {
      rgb[i] = (int) Math.round(SEQUENTIAL[low][i] + t * (SEQUENTIAL[high][i] - SEQUENTIAL[low][i]));
    }
    return String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  }
}
