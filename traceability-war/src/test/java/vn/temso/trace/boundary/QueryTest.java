package vn.temso.trace.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import vn.temso.platform.web.Html;

class QueryTest {

    @Test
    void shouldReadOneParameterOfAQueryStringLikeGetParameter() {
        String q = "8030=abc-_DEF&lang=en&reported&linkType=linkset&msg=Ch%E1%BA%A5t+l%C6%B0%E1%BB%A3ng";
        assertEquals("abc-_DEF", Query.param(q, "8030"));
        assertEquals("en", Query.param(q, "lang"));
        assertEquals("", Query.param(q, "reported"));
        assertEquals("linkset", Query.param(q, "linkType"));
        assertEquals("Chất lượng", Query.param(q, "msg"));
        assertNull(Query.param(q, "link"), "a prefix of a name is not the name");
        assertNull(Query.param(q, "ang"));
        assertNull(Query.param(null, "lang"));
        assertEquals("%zz", Query.param("lang=%zz", "lang"), "a bad escape is kept as sent");
        assertEquals("vi", Query.param("x=1&&lang=vi", "lang"));
    }

    @Test
    void shouldEscapeOnlyWhenNeeded() {
        String plain = "Bưởi da xanh Tân Trụ";
        assertSame(plain, Html.esc(plain));
        assertEquals("Tom &amp; Jerry &lt;b&gt; &quot;x&quot; &#39;y&#39;", Html.esc("Tom & Jerry <b> \"x\" 'y'"));
        assertEquals("a&lt;", Html.esc("a<"));
        assertEquals("", Html.esc(null));
    }
}
