package lif.plot;

import java.util.Objects;

/**
 * How one series is drawn: markers or a line, a colour, an opacity, a size and an optional legend label.
 * Immutable; the {@code with...}-style methods return a changed copy. The factories match matplotlib's
 * format strings used by the tutorial: {@link #circles()} is {@code 'ko'}, {@link #dots()} is
 * {@code 'k.'}, {@link #line()} is {@code 'k'}.
 */
public final class Style {

    /** matplotlib's {@code 'k'}. */
    public static final String BLACK = "#000000";
    /** matplotlib's {@code 'C0'} (tab:blue). */
    public static final String C0 = "#1f77b4";
    /** matplotlib's {@code 'C7'} (tab:gray). */
    public static final String C7 = "#7f7f7f";

    /** Markers only, or a line only. */
    public enum Kind {
        MARKERS,
        LINES
    }

    private final Kind kind;
    private final String color;
    private final double alpha;
    private final double size;
    private final String label;

    private Style(Kind kind, String color, double alpha, double size, String label) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, got " + alpha);
        }
        if (!(size > 0) || Double.isInfinite(size)) {
            throw new IllegalArgumentException("size must be a positive number, got " + size);
        }
        this.kind = kind;
        this.color = Objects.requireNonNull(color, "color");
        this.alpha = alpha;
        this.size = size;
        this.label = label;
    }

    /** matplotlib {@code 'ko'}: black circles, 7 px across. */
    public static Style circles() {
        return new Style(Kind.MARKERS, BLACK, 1, 7, null);
    }

    /** matplotlib {@code 'k.'}: small black dots, 4 px across. */
    public static Style dots() {
        return new Style(Kind.MARKERS, BLACK, 1, 4, null);
    }

    /** matplotlib {@code 'k'}: a black line, 1.5 px wide. */
    public static Style line() {
        return new Style(Kind.LINES, BLACK, 1, 1.5, null);
    }

    /** A CSS colour: {@code "#1f77b4"}, {@code "black"}, {@code "rgb(31,119,180)"}. */
    public Style color(String color) {
        return new Style(kind, color, alpha, size, label);
    }

    /** Opacity from 0 (invisible) to 1 (opaque), like matplotlib's {@code alpha}. */
    public Style alpha(double alpha) {
        return new Style(kind, color, alpha, size, label);
    }

    /** Marker diameter or line width, in pixels. */
    public Style size(double size) {
        return new Style(kind, color, alpha, size, label);
    }

    /** Legend label (null: not in the legend). */
    public Style label(String label) {
        return new Style(kind, color, alpha, size, label);
    }

    public Kind kind() {
        return kind;
    }

    public String color() {
        return color;
    }

    public double alpha() {
        return alpha;
    }

    public double size() {
        return size;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return "Style[" + kind + ", " + color + ", alpha=" + alpha + ", size=" + size
                + (label == null ? "" : ", label=" + label) + "]";
    }
}
