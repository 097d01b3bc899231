package vn.temso.imports.control;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The importer's own messages in the caller's language (Vietnamese unless English is asked for). */
public final class Messages {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private Messages() {}

    public static Locale locale(String languageTag) {
        return languageTag != null && languageTag.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : VI;
    }

    public static String text(Locale locale, String key, Object... args) {
        ResourceBundle b = ResourceBundle.getBundle(
                "vn.temso.imports.messages",
                "en".equals(locale.getLanguage()) ? Locale.ENGLISH : VI,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = b.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
