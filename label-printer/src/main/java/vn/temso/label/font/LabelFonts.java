package vn.temso.label.font;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The embedded DejaVu Sans faces (Bitstream Vera licence, see DejaVu-LICENSE.txt beside them):
 * they cover Vietnamese (precomposed letters with two diacritics) and the black star U+2605, which
 * printer-resident fonts and the PDF base-14 fonts lack.
 */
public final class LabelFonts {

    public static final String REGULAR_RESOURCE = "DejaVuSans.ttf";
    public static final String BOLD_RESOURCE = "DejaVuSans-Bold.ttf";

    private static volatile byte[] regular;
    private static volatile byte[] bold;

    private LabelFonts() {}

    /** TrueType bytes of DejaVu Sans (read once, shared; never modify). */
    public static byte[] regularTtf() {
        byte[] b = regular;
        if (b == null) {
            b = load(REGULAR_RESOURCE);
            regular = b;
        }
        return b;
    }

    /** TrueType bytes of DejaVu Sans Bold (read once, shared; never modify). */
    public static byte[] boldTtf() {
        byte[] b = bold;
        if (b == null) {
            b = load(BOLD_RESOURCE);
            bold = b;
        }
        return b;
    }

    /** A Java2D font of the given face at 1 unit; derive the size you need. */
    public static Font awtFont(boolean boldFace) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(boldFace ? boldTtf() : regularTtf()));
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("embedded DejaVu font is unreadable", e);
        }
    }

    private static byte[] load(String name) {
        try (InputStream in = LabelFonts.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("font resource missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font resource " + name, e);
        }
    }
}
