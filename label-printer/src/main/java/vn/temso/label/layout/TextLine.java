package vn.temso.label.layout;

/**
 * One laid-out line.
 *
 * @param text     what to draw
 * @param bold     bold face
 * @param size     font size (em height), in the layout's unit
 * @param x        left edge of the line
 * @param baseline baseline position, measured downwards from the top of the page or label
 * @param width    advance width of the text
 */
public record TextLine(String text, boolean bold, double size, double x, double baseline, double width) {}
