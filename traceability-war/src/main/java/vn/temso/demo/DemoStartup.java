package vn.temso.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.platform.startup.StartupTask;

/** With {@code temso.demo.enabled}: loads the demo registry into an empty database and says how to sign in. */
@ApplicationScoped
public class DemoStartup implements StartupTask {

    private static final Logger LOG = Logger.getLogger(DemoStartup.class.getName());

    @Inject
    DemoData demo;

    @Inject
    @ConfigProperty(name = "temso.demo.enabled", defaultValue = "false")
    boolean demoEnabled;

    @Inject
    @ConfigProperty(name = "temso.public.base-url")
    String baseUrl;

    /** First: it fills an empty database only, so it must run before the configured administrator is created. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public void run() {
        if (demoEnabled) {
            boolean loaded = demo.loadIfEmpty();
            LOG.info(banner(loaded));
        }
    }

    private String banner(boolean loaded) {
        return "\n=====================================================================\n"
                + " Temso is running with DEMO data" + (loaded ? " (loaded now)" : "") + "\n"
                + " Open " + baseUrl + "/  -  API " + baseUrl + "/api  -  OpenAPI " + baseUrl + "/openapi\n"
                + " Demo logins (password " + DemoData.DEMO_PASSWORD + "):\n"
                + "   admin            ADMIN (province)\n"
                + "   canbo.binhtinh   COMMUNE_STAFF (Bình Tịnh, Đức Hòa Hạ)\n"
                + "   tantru.quanly    COOP_MANAGER  (HTX Nông nghiệp Tân Trụ Xanh)\n"
                + "   tantru.xavien    COOP_MEMBER   (HTX Nông nghiệp Tân Trụ Xanh)\n"
                + "   duchoa.quanly    COOP_MANAGER  (HTX Rau sạch Đức Hòa Hạ)\n"
                + "   tocns.binhtinh   DIGITAL_TEAM  (tổ công nghệ số cộng đồng, Bình Tịnh)\n"
                + " Demo logins are for demo data only; never enable demo mode in production.\n"
                + "=====================================================================";
    }
}
