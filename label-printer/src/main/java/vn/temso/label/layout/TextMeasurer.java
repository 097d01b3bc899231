package vn.temso.label.layout;

/** Advance width of a string in a font, in the same unit as {@code size}. */
@FunctionalInterface
public interface TextMeasurer {
    double width(String text, boolean bold, double size);
}
