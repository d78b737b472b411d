package org.healthclaims.load.report;

import java.util.Locale;

/**
 * A chart as inline SVG, written by hand so that the report needs no script and no network: axes with round ticks,
 * one {@code <polyline>} per series and, while a series has few enough points to see, a {@code <circle>} per point.
 * Every element a test counts carries a class ({@code chart}, {@code series}, {@code point}) and a data attribute.
 */
final class SvgChart {

    static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final int WIDTH = 880;
    private static final int HEIGHT = 240;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 12;
    private static final int BOTTOM = 32;
    /** Above this many points a series is drawn as its line only: circles would hide it. */
    private static final int MOST_CIRCLES = 240;

    private SvgChart() {}

    static void render(Chart chart, double lengthSeconds, StringBuilder html) {
        double top = 0;
        for (Chart.Series s : chart.series()) for (double v : s.y()) if (!Double.isNaN(v)) top = Math.max(top, v);
        double yMax = roundUp(top);
        double xMax = Math.max(1, lengthSeconds);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;

        html.append("<svg class=\"chart\" data-chart=\"")
                .append(chart.id())
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(chart.title()))
                .append("\">\n");
        double yStep = yMax / 4;
        for (int t = 0; t <= 4; t++) {
            double value = t * yStep;
            double y = TOP + plotHeight - value / yMax * plotHeight;
            html.append(String.format(
                    Locale.ROOT,
                    "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                            + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                    LEFT,
                    y,
                    WIDTH - RIGHT,
                    y,
                    LEFT - 6,
                    y + 4,
                    tick(value, yStep)));
        }
        double xStep = timeStep(xMax);
        for (double s = 0; s <= xMax + 1e-9; s += xStep) {
            double x = LEFT + s / xMax * plotWidth;
            html.append(String.format(
                    Locale.ROOT,
                    "<line class=\"axis\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                            + "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
                    x,
                    TOP + plotHeight,
                    x,
                    TOP + plotHeight + 4,
                    x,
                    TOP + plotHeight + 18,
                    clock(s)));
        }
        html.append(String.format(
                Locale.ROOT,
                "<text class=\"unit\" x=\"%d\" y=\"%d\">%s</text>\n",
                LEFT + 4,
                TOP + 10,
                Html.escape(chart.unit())));
        int colour = 0;
        for (Chart.Series s : chart.series()) {
            String stroke = COLOURS[colour++ % COLOURS.length];
            int points = s.points();
            StringBuilder line = new StringBuilder(points * 14);
            StringBuilder circles = new StringBuilder();
            for (int i = 0; i < s.x().length; i++) {
                double v = s.y()[i];
                if (Double.isNaN(v)) continue;
                double x = LEFT + Math.clamp(s.x()[i] / xMax, 0, 1) * plotWidth;
                double y = TOP + plotHeight - v / yMax * plotHeight;
                line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                if (points <= MOST_CIRCLES)
                    circles.append(String.format(
                            Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"2\"/>", x, y));
            }
            html.append("<g class=\"series\" data-series=\"")
                    .append(Html.escape(s.name()))
                    .append("\" data-points=\"")
                    .append(points)
                    .append("\" stroke=\"")
                    .append(stroke)
                    .append("\" fill=\"")
                    .append(stroke)
                    .append("\"><polyline class=\"line\" fill=\"none\" points=\"")
                    .append(line.toString().strip())
                    .append("\"/>")
                    .append(circles)
                    .append("</g>\n");
        }
        html.append("</svg>\n<div class=\"legend\">");
        colour = 0;
        for (Chart.Series s : chart.series())
            html.append("<span><i style=\"background:")
                    .append(COLOURS[colour++ % COLOURS.length])
                    .append("\"></i>")
                    .append(Html.escape(s.name()))
                    .append("</span>");
        html.append("</div>\n");
    }

    /** The next 1, 2 or 5 × 10ⁿ at or above {@code value}: the top of the y axis. */
    static double roundUp(double value) {
        if (value <= 0) return 1;
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        double leading = value / power;
        double nice = leading <= 1 ? 1 : leading <= 2 ? 2 : leading <= 5 ? 5 : 10;
        return nice * power;
    }

    private static double timeStep(double seconds) {
        double[] steps = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200};
        for (double step : steps) if (seconds / step <= 10) return step;
        return 14400;
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private static String tick(double value, double step) {
        if (step >= 1 && step == Math.rint(step)) return String.format(Locale.ROOT, "%,d", Math.round(value));
        return String.format(Locale.ROOT, "%.3f", value).replaceFirst("\\.?0+$", "");
    }
}
