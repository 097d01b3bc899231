package vn.temso.platform.startup;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs once the schema is migrated: loads the demo registry when asked to, or creates the configured
 * administrator. A production start without configured admin credentials creates no account with a default
 * password; it says how to configure one.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    DemoData demo;

    @Inject
    vn.temso.stamping.control.StampKeys stampKeys;

    @Inject
    @ConfigProperty(name = "temso.demo.enabled", defaultValue = "false")
    boolean demoEnabled;

    @Inject
    @ConfigProperty(name = "temso.public.base-url")
    String baseUrl;

    @PostConstruct
    void start() {
        // a mistyped proxy address must stop the start, not fail every request that asks for the client address
        vn.temso.platform.security.ClientAddress.checkConfiguration();
        if (demoEnabled) {
            boolean loaded = demo.loadIfEmpty();
            LOG.info(banner(loaded));
        } else {
            demo.ensureConfiguredAdmin();
        }
        stampKeys.ensureActiveKey();
        // issuing and print jobs interrupted by a stop or crash are resumed by the JobSweeper of any instance
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
                + " Demo logins are for demo data only; never enable demo mode in production.\n"
                + "=====================================================================";
    }
}
