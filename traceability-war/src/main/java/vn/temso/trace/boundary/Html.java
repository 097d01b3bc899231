package vn.temso.trace.boundary;

/** Escaping for text placed in HTML element content and attribute values. */
final class Html {

    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        int first = 0;
        while (first < s.length() && "<>&\"'".indexOf(s.charAt(first)) < 0) {
            first++;
        }
        if (first == s.length()) {
            return s; // the usual case: nothing to escape, nothing to copy
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        b.append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
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
}
