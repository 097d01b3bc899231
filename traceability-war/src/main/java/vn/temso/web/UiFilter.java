package vn.temso.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import vn.temso.account.control.Accounts;
import vn.temso.platform.config.Settings;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.zone.control.MapTiles;

/**
 * Guards the pages under /app: resolves the signed-in user into the current caller (so the same use cases and
 * tenancy rules serve pages and API), sends everyone else to the sign-in page, switches language on
 * {@code ?lang=}, and sets the pages' security headers.
 */
@WebFilter(urlPatterns = {"*.xhtml", "/app/*"})
public class UiFilter extends HttpFilter {

    /** Where a user signed in with a temporary password is sent until they change it. */
    static final String PASSWORD_PAGE = "/app/password.xhtml";

    @Inject
    UiSession ui;

    @Inject
    Accounts accounts;

    @Inject
    CurrentCaller current;

    /** The pages' policy; img-src names the tile server only when an operator configured one (the map's underlay). */
    private String csp;

    @Override
    public void init() {
        csp = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
                + Settings.get("temso.map.tile-url")
                        .flatMap(MapTiles::origin)
                        .map(o -> " " + o)
                        .orElse("")
                + "; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        req.setCharacterEncoding("UTF-8");
        String lang = req.getParameter("lang");
        if (lang != null) {
            ui.setLocale(lang);
        }
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "same-origin");
        resp.setHeader("Content-Security-Policy", csp);
        resp.setHeader("Cache-Control", "no-store");
        // the container's decoded, normalised path: the raw URI of /app;x/... or /%61pp/... does not start
        // with /app/, yet the container serves the /app page for it
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        if (path.startsWith("/app/")) {
            var session = ui.isSignedIn() ? accounts.session(ui.getToken()) : Optional.<Accounts.Session>empty();
            if (session.isEmpty()) {
                ui.clear();
                String next = path + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
                resp.sendRedirect(
                        req.getContextPath() + "/login.xhtml?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                return;
            }
            current.set(session.get().caller());
            if (session.get().mustChangePassword() && !PASSWORD_PAGE.equals(path)) {
                // signed in with a temporary password (a reset): nothing else until it is changed
                resp.sendRedirect(req.getContextPath() + PASSWORD_PAGE);
                return;
            }
        }
        chain.doFilter(req, resp);
    }
}
