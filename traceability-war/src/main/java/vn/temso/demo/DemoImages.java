package vn.temso.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Illustrations for the demo products: no photographs ship with Temso, so each demo product gets a drawn picture
 * (a soft colour of its crop, a large initial, its name and "Ảnh minh hoạ" - illustration - so nobody takes it for a
 * photo), 1000 × 1000 px, in DejaVu Sans (shipped by label-printer; it has every Vietnamese glyph, whatever fonts
 * the machine has). It is stored through the same checks as an upload.
 */
final class DemoImages {

    static final int SIDE = 1000;
    private static final String FONT = "/vn/temso/label/font/DejaVuSans-Bold.ttf";

    private DemoImages() {}

    /** A PNG illustration of a product named {@code name} in {@code colour} ({@code #rrggbb}). */
    static byte[] illustration(String name, String colour) {
        Color base = Color.decode(colour);
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, base.brighter(), 0, SIDE, base));
            g.fillRect(0, 0, SIDE, SIDE);
            Color ink = new Color(base.getRed() / 3, base.getGreen() / 3, base.getBlue() / 3);
            g.setColor(new Color(255, 255, 255, 150));
            g.fill(new Ellipse2D.Double(250, 130, 500, 500));
            g.setColor(ink);
            g.setStroke(new BasicStroke(8f));
            g.draw(new Ellipse2D.Double(250, 130, 500, 500));
            Font font = font();
            g.setFont(font.deriveFont(300f));
            String initial = name.substring(0, 1);
            FontMetrics m = g.getFontMetrics();
            g.drawString(initial, (SIDE - m.stringWidth(initial)) / 2, 380 + m.getAscent() / 3);
            g.setFont(font.deriveFont(54f));
            int y = 720;
            for (String line : lines(name, g.getFontMetrics(), SIDE - 120)) {
                g.drawString(line, (SIDE - g.getFontMetrics().stringWidth(line)) / 2, y);
                y += 66;
            }
            g.setFont(font.deriveFont(30f));
            String note = "Ảnh minh hoạ · Temso demo";
            g.drawString(note, (SIDE - g.getFontMetrics().stringWidth(note)) / 2, SIDE - 40);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** The name in lines no wider than {@code width}, broken between words. */
    static List<String> lines(String text, FontMetrics m, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && m.stringWidth(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static Font font() {
        try (InputStream in = DemoImages.class.getResourceAsStream(FONT)) {
            return in == null ? new Font(Font.SANS_SERIF, Font.BOLD, 12) : Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            return new Font(Font.SANS_SERIF, Font.BOLD, 12);
        }
    }
}
