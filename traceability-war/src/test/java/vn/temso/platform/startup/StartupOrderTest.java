package vn.temso.platform.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.temso.account.control.ConfiguredAdmin;
import vn.temso.demo.DemoStartup;
import vn.temso.stamping.control.SigningKeyAtStart;

/** The features register their start-up work; the start keeps the order it had when Bootstrap listed it. */
class StartupOrderTest {

    @Test
    void demoDataThenTheConfiguredAdministratorThenTheSigningKey() {
        List<StartupTask> ordered =
                Bootstrap.inOrder(Stream.of(new SigningKeyAtStart(), new ConfiguredAdmin(), new DemoStartup()));
        assertEquals(
                List.of(DemoStartup.class, ConfiguredAdmin.class, SigningKeyAtStart.class),
                ordered.stream().map(Object::getClass).toList());
    }

    @Test
    void equalOrdersRunByClassName() {
        StartupTask b = new Second();
        StartupTask a = new First();
        assertEquals(List.of(a, b), Bootstrap.inOrder(Stream.of(b, a)));
    }

    private static class First implements StartupTask {
        public int order() {
            return 5;
        }

        public void run() {}
    }

    private static class Second implements StartupTask {
        public int order() {
            return 5;
        }

        public void run() {}
    }
}
