package vn.temso.platform.text;

/**
 * One pass over JSON text, outside strings, before any parser sees it: how deeply arrays and objects nest and the
 * longest run of number characters. Parsers recurse per level and turn digits into numbers, so text nested ten
 * thousand levels deep or a number of a million digits must be refused before parsing, not by it.
 */
public final class JsonShape {

    /** What was found; counting stops as soon as either limit is passed, so a value is at most its limit + 1. */
    public record Shape(int depth, int longestNumber) {}

    private JsonShape() {}

    public static Shape measure(CharSequence json, int maxDepth, int maxNumberChars) {
        int depth = 0;
        int max = 0;
        int numberRun = 0;
        int longest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean numberChar =
                    !inString && (c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-');
            numberRun = numberChar ? numberRun + 1 : 0;
            if (numberRun > longest) {
                longest = numberRun;
                if (longest > maxNumberChars) {
                    return new Shape(max, longest);
                }
            }
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > max) {
                    max = depth;
                    if (max > maxDepth) {
                        return new Shape(max, longest);
                    }
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return new Shape(max, longest);
    }
}
