package vn.temso.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** Conditional GET (RFC 9110 13.1) for servlets that serve stored files: feeds and product images. */
public final class ConditionalGet {

    private ConditionalGet() {}

    /** True when the client's copy is current: its If-None-Match names {@code etag}, or else If-Modified-Since. */
    public static boolean notModified(HttpServletRequest req, String etag, long modified) {
        String inm = req.getHeader("If-None-Match");
        if (inm != null) {
            for (String tag : inm.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                    return true;
                }
            }
            return false; // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)
        }
        long ims;
        try {
            ims = req.getDateHeader("If-Modified-Since");
        } catch (IllegalArgumentException e) {
            return false;
        }
        return ims != -1 && modified / 1000 <= ims / 1000;
    }
}
