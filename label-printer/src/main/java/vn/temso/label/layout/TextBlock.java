package vn.temso.label.layout;

/**
 * A paragraph to lay out on a label.
 *
 * @param text     the text (already NFC)
 * @param bold     bold face
 * @param relSize  size relative to the label's base size
 * @param maxLines lines it may wrap to before the whole label's text shrinks
 */
public record TextBlock(String text, boolean bold, double relSize, int maxLines) {}
