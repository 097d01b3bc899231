package vn.temso.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import vn.temso.platform.config.Settings;

/**
 * Headers every answer carries, whatever serves it (API, trace page, feeds, error pages): {@code nosniff}, so a
 * browser never runs a JSON or CSV answer as script or HTML; and, when the public base URL is https, HSTS, so a
 * browser that has seen Temso once never speaks plain HTTP to it again. Pages set their own CSP.
 */
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    static final String HSTS = "max-age=31536000";

    private boolean https;

    @Override
    public void init() {
        https = httpsBaseUrl();
    }

    /** True when {@code temso.public.base-url} is an https URL: then the service is only reached over TLS. */
    public static boolean httpsBaseUrl() {
        return Settings.get("temso.public.base-url")
                .map(u -> u.toLowerCase(Locale.ROOT).startsWith("https:"))
                .orElse(false);
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (https) {
            resp.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(req, resp);
    }
}
