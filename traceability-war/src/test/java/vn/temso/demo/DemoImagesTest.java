package vn.temso.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.temso.product.control.ImageSizes;

class DemoImagesTest {

    @Test
    void shouldDrawAnIllustrationThatPassesTheUploadRules() throws IOException {
        byte[] png = DemoImages.illustration("Gạo thơm ST25 Tân Trụ Xanh – túi 5 kg", "#efe3b8");
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/demo-illustration.png"), png); // to look at
        ImageSizes.Prepared p = ImageSizes.prepare(png, true);
        assertEquals(DemoImages.SIDE, p.width());
        assertTrue(p.width() >= 800 && p.height() >= 800);
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(p.jpegs().get(1200)));
        assertEquals(DemoImages.SIDE, large.getWidth(), "not enlarged");
        // the name is drawn: dark ink on the lower part of the soft background
        int dark = 0;
        for (int x = 0; x < large.getWidth(); x++) {
            for (int y = 650; y < 850; y++) {
                Color c = new Color(large.getRGB(x, y));
                if (c.getRed() + c.getGreen() + c.getBlue() < 300) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 2_000, "text pixels: " + dark);
    }
}
