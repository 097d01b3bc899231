package vn.temso.platform.web;

/** Escaping for text placed in HTML element content and attribute values. */
public final class Html {

    private Html() {}

    public static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        int first = 0;
        int n = s.length();
        while (first < n && !special(s.charAt(first))) {
            first++;
        }
        if (first == n) {
            return s; // the usual case: nothing to escape, nothing to copy
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        b.append(s, 0, first);
        for (int i = first; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean special(char c) {
        return c == '<' || c == '>' || c == '&' || c == '"' || c == '\'';
    }
}
