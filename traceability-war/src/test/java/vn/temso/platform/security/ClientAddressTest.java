package vn.temso.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void shouldCountIpv6ByItsSlash64AndKeepIpv4AsItIs() {
        assertEquals("203.0.113.9", ClientAddress.key("203.0.113.9"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.key("[2001:db8:1:2::7]"), "same subscriber, other address");
        assertEquals("::1", ClientAddress.key("0:0:0:0:0:0:0:1"));
        assertEquals("203.0.113.9", ClientAddress.key("::ffff:203.0.113.9"), "IPv4-mapped");
        assertEquals("unknown", ClientAddress.key(null));
    }
}
