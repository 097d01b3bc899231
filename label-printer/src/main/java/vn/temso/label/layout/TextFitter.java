package vn.temso.label.layout;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits paragraphs into a box without ever overflowing it: each block wraps at word boundaries up
 * to its line limit; when the blocks still do not fit, every size shrinks together in small steps
 * down to the minimum size; only then are lines cut with an ellipsis and trailing blocks dropped.
 * Units are whatever the measurer uses (printer dots here).
 */
public final class TextFitter {

    /** DejaVu Sans ascender and descender as a share of the em (hhea 1901 / 483 of 2048). */
    public static final double ASCENT = 0.93;

    public static final double DESCENT = 0.24;
    /** Line pitch as a share of the font size. */
    public static final double LEADING = 1.2;

    private static final double SHRINK_STEP = 0.94;
    private static final String ELLIPSIS = "\u2026";

    private final TextMeasurer measurer;

    public TextFitter(TextMeasurer measurer) {
        this.measurer = measurer;
    }

    /**
     * @param baseSize font size for {@code relSize = 1}
     * @param minSize  smallest size any line may get
     * @return lines positioned inside (left, top, width, height), top-aligned
     */
    public Fit fit(
            List<TextBlock> blocks,
            double left,
            double top,
            double width,
            double height,
            double baseSize,
            double minSize) {
        double smallestRel =
                blocks.stream().mapToDouble(TextBlock::relSize).min().orElse(1);
        double scale = 1.0;
        while (true) {
            List<List<String>> wrapped = new ArrayList<>();
            boolean fits = true;
            for (TextBlock b : blocks) {
                double size = baseSize * b.relSize() * scale;
                List<String> lines = wrap(b.text(), b.bold(), size, width);
                wrapped.add(lines);
                if (lines.size() > b.maxLines()) {
                    fits = false;
                }
            }
            if (fits && heightOf(blocks, wrapped, baseSize * scale) <= height) {
                return new Fit(place(blocks, wrapped, left, top, baseSize * scale), scale, false);
            }
            double next = scale * SHRINK_STEP;
            if (baseSize * smallestRel * next < minSize) {
                break;
            }
            scale = next;
        }
        return new Fit(truncate(blocks, left, top, width, height, baseSize * scale), scale, true);
    }

    /** Greedy word wrap; a word wider than the box is broken between characters. */
    public List<String> wrap(String text, boolean bold, double size, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (measurer.width(candidate, bold, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (measurer.width(word, bold, size) <= width) {
                line.append(word);
                continue;
            }
            int i = 0;
            while (i < word.length()) {
                int end = i + Character.charCount(word.codePointAt(i));
                while (end < word.length()
                        && measurer.width(
                                        word.substring(i, end + Character.charCount(word.codePointAt(end))), bold, size)
                                <= width) {
                    end += Character.charCount(word.codePointAt(end));
                }
                String piece = word.substring(i, end);
                i = end;
                if (i < word.length()) {
                    lines.add(piece);
                } else {
                    line.append(piece);
                }
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static double heightOf(List<TextBlock> blocks, List<List<String>> wrapped, double base) {
        double h = 0;
        for (int i = 0; i < blocks.size(); i++) {
            int n = wrapped.get(i).size();
            if (n == 0) {
                continue;
            }
            double size = base * blocks.get(i).relSize();
            h += n * size * LEADING;
        }
        // the last line needs only ascent + descent, not a full pitch
        if (!blocks.isEmpty()) {
            double lastSize = base * blocks.get(blocks.size() - 1).relSize();
            h -= lastSize * (LEADING - ASCENT - DESCENT);
        }
        return h;
    }

    private List<TextLine> place(
            List<TextBlock> blocks, List<List<String>> wrapped, double left, double top, double base) {
        List<TextLine> out = new ArrayList<>();
        double y = top;
        for (int i = 0; i < blocks.size(); i++) {
            TextBlock b = blocks.get(i);
            double size = base * b.relSize();
            for (String line : wrapped.get(i)) {
                double baseline = y + size * ASCENT;
                out.add(new TextLine(line, b.bold(), size, left, baseline, measurer.width(line, b.bold(), size)));
                y += size * LEADING;
            }
        }
        return out;
    }

    /** Last resort at the minimum size: cut each block to its line limit, then drop what is below the box. */
    private List<TextLine> truncate(
            List<TextBlock> blocks, double left, double top, double width, double height, double base) {
        List<TextLine> out = new ArrayList<>();
        double y = top;
        double bottom = top + height;
        for (TextBlock b : blocks) {
            double size = base * b.relSize();
            List<String> lines = wrap(b.text(), b.bold(), size, width);
            boolean cut = lines.size() > b.maxLines();
            if (cut) {
                lines = new ArrayList<>(lines.subList(0, b.maxLines()));
            }
            for (int i = 0; i < lines.size(); i++) {
                if (y + size * (ASCENT + DESCENT) > bottom) {
                    return out;
                }
                String line = lines.get(i);
                boolean lastOfBlock = i == lines.size() - 1;
                boolean nextWontFit = y + size * LEADING + size * (ASCENT + DESCENT) > bottom;
                if ((cut && lastOfBlock) || (nextWontFit && !lastOfBlock)) {
                    line = ellipsize(line, b.bold(), size, width);
                }
                out.add(new TextLine(
                        line, b.bold(), size, left, y + size * ASCENT, measurer.width(line, b.bold(), size)));
                y += size * LEADING;
                if (nextWontFit && !lastOfBlock) {
                    return out;
                }
            }
        }
        return out;
    }

    private String ellipsize(String line, boolean bold, double size, double width) {
        String s = line;
        while (!s.isEmpty() && measurer.width(s + ELLIPSIS, bold, size) > width) {
            s = s.substring(0, s.length() - Character.charCount(s.codePointBefore(s.length())))
                    .stripTrailing();
        }
        return s + ELLIPSIS;
    }

    /**
     * Result of fitting.
     *
     * @param lines     positioned lines
     * @param scale     size factor applied to every block (1 = no shrinking)
     * @param truncated whether text had to be cut at the minimum size
     */
    public record Fit(List<TextLine> lines, double scale, boolean truncated) {}
}
