package vn.temso.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The WAR's one clock: beans inject {@code Clock} rather than calling {@code Instant.now()}/{@code LocalDate.now()},
 * so tests can fix the time (e.g. at 23:30 Vietnam time). UTC: instants need no zone; dates go through
 * {@link FarmTime}.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
