package vn.temso.platform.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Marks the session cookie of the web pages {@code Secure} when the public base URL is https (web.xml cannot
 * depend on configuration): the cookie then never travels over plain HTTP, where anyone on the network could
 * read it. A plain-http base URL (local runs) keeps it usable.
 */
@WebListener
public class SecureSessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (SecurityHeaders.httpsBaseUrl()) {
            event.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
