package vn.temso.listing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.temso.catalog.feed.Channel;
import vn.temso.platform.text.Texts;

/** Commune slugs (stable ASCII, from the commune key) and which feed URLs name a stored area feed. */
class AreaScopeTest {

    @Test
    void shouldSlugVietnameseCommuneNames() {
        assertEquals("binh-tinh", AreaScope.slug("Bình Tịnh"));
        assertEquals("duc-hoa-ha", AreaScope.slug("Đức Hòa Hạ"));
        assertEquals("hoa-tan", AreaScope.slug("  Hòa   Tân "));
        assertEquals("thanh-loi", AreaScope.slug(Texts.key("THẠNH LỢI")));
        assertEquals("phuong-1", AreaScope.slug("Phường 1"));
        assertEquals("my-loc-ab12", AreaScope.slug("Mỹ Lộc AB12"));
        // decomposed input (NFD, as some keyboards send it) gives the same slug as composed
        assertEquals(
                AreaScope.slug("Bình Tịnh"),
                AreaScope.slug(java.text.Normalizer.normalize("Bình Tịnh", java.text.Normalizer.Form.NFD)));
        assertEquals("xa-a-b", AreaScope.slug("xã <a> & \"b\""));
    }

    @Test
    void shouldGiveNoSlugForNothing() {
        assertNull(AreaScope.slug(null));
        assertNull(AreaScope.slug("   "));
        assertNull(AreaScope.slug("–/–"));
    }

    @Test
    void shouldBoundSlugLength() {
        String slug = AreaScope.slug("Xã " + "rất dài ".repeat(40));
        assertTrue(slug.length() <= AreaScope.MAX_SLUG, slug);
        assertTrue(AreaScope.isSlug(slug), slug);
    }

    @Test
    void shouldAcceptOnlySlugShapes() {
        assertTrue(AreaScope.isSlug("binh-tinh"));
        for (String bad : new String[] {
            "", "Binh-Tinh", "-binh", "binh-", "binh--tinh", "<script>", "bình", "a/b", "a".repeat(61), ".."
        }) {
            assertFalse(AreaScope.isSlug(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> AreaScope.commune("../x"));
    }

    @Test
    void shouldMapFeedPathsToStoreKeysOfChannelFilesOnly() {
        assertEquals("feeds/area/province/google-xml.xml", AreaScope.key("/province/google-xml.xml".split("/")));
        assertEquals(
                "feeds/area/commune/binh-tinh/meta-csv.csv",
                AreaScope.key("/commune/binh-tinh/meta-csv.csv".split("/")));
        assertNull(AreaScope.key("/province/.google-xml.xml.last-good".split("/")));
        assertNull(AreaScope.key("/commune/Binh/google-xml.xml".split("/")));
        assertNull(AreaScope.key("/commune/binh-tinh/x/google-xml.xml".split("/")));
        assertNull(AreaScope.key("/province/http-push.json".split("/")));
        assertNull(AreaScope.key("/area/province/google-xml.xml".split("/")));
    }

    @Test
    void shouldRoundTripScopes() {
        AreaScope c = AreaScope.commune("binh-tinh");
        assertEquals(c, AreaScope.parse(c.scope()));
        assertEquals(AreaScope.PROVINCE, AreaScope.parse("province"));
        assertNull(AreaScope.parse("commune/Bình"));
        assertEquals("/feeds/commune/binh-tinh/jsonld.jsonld", c.path(Channel.JSONLD));
    }
}
