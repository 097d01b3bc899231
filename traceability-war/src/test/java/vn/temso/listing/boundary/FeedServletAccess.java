package vn.temso.listing.boundary;

/** Test access to the servlet's package-private header parsing. */
public final class FeedServletAccess {

    private FeedServletAccess() {}

    public static boolean acceptsGzip(String acceptEncoding) {
        return FeedServlet.acceptsGzip(acceptEncoding);
    }
}
