package vn.temso.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For counts only when the connection comes from a configured proxy (none by default). */
class TrustedProxiesTest {

    @Test
    void shouldIgnoreForwardedForByDefault() {
        TrustedProxies none = new TrustedProxies(Optional.empty());
        assertEquals("203.0.113.7", none.clientOf("203.0.113.7", "1.2.3.4"), "a client cannot claim another network");
        assertEquals("127.0.0.1", none.clientOf("127.0.0.1", "1.2.3.4"));
    }

    @Test
    void shouldTakeTheFirstUntrustedHopFromTheRightBehindATrustedProxy() {
        TrustedProxies behind = new TrustedProxies(Optional.of("10.0.0.2, 0:0:0:0:0:0:0:1"));
        assertEquals("198.51.100.4", behind.clientOf("10.0.0.2", "198.51.100.4"));
        assertEquals(
                "198.51.100.4",
                behind.clientOf("::1", "6.6.6.6, 198.51.100.4, 10.0.0.2"),
                "a forged left part is skipped");
        assertEquals("2001:db8::5", behind.clientOf("10.0.0.2", "2001:db8::5"));
        assertEquals("203.0.113.7", behind.clientOf("203.0.113.7", "198.51.100.4"), "not from the proxy: ignored");
        assertEquals(
                "10.0.0.2",
                behind.clientOf("10.0.0.2", "198.51.100.4, evil.example"),
                "garbage in the chain: nothing trusted");
        assertEquals("10.0.0.2", behind.clientOf("10.0.0.2", null));
        assertEquals("10.0.0.2", behind.clientOf("10.0.0.2", "10.0.0.2"), "only proxies in the chain");
    }

    @Test
    void shouldRefuseAProxyThatIsNotAnAddress() {
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(Optional.of("proxy.internal")));
    }
}
