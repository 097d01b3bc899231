package vn.temso.trace.boundary;

import java.nio.charset.StandardCharsets;

/** Query strings of public pages. */
final class Query {

    private Query() {}

    /**
     * One parameter of a GET query string, decoded; what getParameter does, without parsing every parameter into a
     * map at each scan.
     */
    static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (int from = 0; from <= query.length(); ) {
            int end = query.indexOf('&', from);
            if (end < 0) {
                end = query.length();
            }
            if (query.startsWith(name, from)
                    && (from + name.length() == end || query.charAt(from + name.length()) == '=')) {
                String v = from + name.length() == end ? "" : query.substring(from + name.length() + 1, end);
                try {
                    return java.net.URLDecoder.decode(v, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return v;
                }
            }
            from = end + 1;
        }
        return null;
    }
}
