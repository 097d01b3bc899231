package vn.temso.it;

import java.io.IOException;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one deployment of this module: the WAR exactly as built (plus {@link FileStoreProbe}), deployed at the root
 * context on Payara Micro with a fresh embedded Derby database and the demo data. Every scenario class of the chain runs against it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalDevIT extends PortalScenarios {

    @ArquillianResource
    URL deploymentUrl;

    @BeforeEach
    void connectApi() throws Exception {
        connect(deploymentUrl);
    }

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        return TemsoIT.deployment();
    }
}
