package vn.temso.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/** Every constant of every enum pages show has words in Vietnamese and English: a missing one fails here. */
class LabelsTest {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Test
    void shouldHaveWordsForEveryConstantInBothLanguages() {
        List<String> missing = new ArrayList<>();
        for (String lang : List.of("vi", "en")) {
            ResourceBundle b =
                    ResourceBundle.getBundle("vn.temso.web.messages", Locale.forLanguageTag(lang), NO_FALLBACK);
            assertEquals(lang, b.getLocale().getLanguage(), "the " + lang + " bundle itself, not a fallback");
            for (Class<? extends Enum<?>> e : Labels.ENUMS) {
                for (Enum<?> c : e.getEnumConstants()) {
                    String key = Labels.key(e, c.name());
                    if (!b.containsKey(key)
                            || b.getString(key).isBlank()
                            || b.getString(key).equals(c.name())) {
                        missing.add(lang + ": " + key);
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void shouldNameNestedEnumsWithTheirClass() {
        assertEquals("enum.Stamp.Status.VOIDED", Labels.key(vn.temso.stamping.entity.Stamp.Status.class, "VOIDED"));
        assertEquals("ZoneStatus", Labels.type(vn.temso.zone.entity.ZoneStatus.class));
    }

    @Test
    void shouldKeepTheDefaultBundleACopyOfTheVietnameseOne() {
        ResourceBundle root = ResourceBundle.getBundle("vn.temso.web.messages", Locale.ROOT, NO_FALLBACK);
        ResourceBundle vi = ResourceBundle.getBundle("vn.temso.web.messages", Locale.forLanguageTag("vi"), NO_FALLBACK);
        for (String key : vi.keySet()) {
            assertTrue(root.containsKey(key) && root.getString(key).equals(vi.getString(key)), key);
        }
    }
}
