package vn.temso.label.layout;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.temso.label.item.LabelItem;

/** What a label says, in Vietnamese, as blocks in priority order (first kept longest). */
public final class LabelText {

    /** Vietnamese date order. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Black star, U+2605; DejaVu Sans has it. */
    public static final String STAR = "\u2605";

    private LabelText() {}

    public static List<TextBlock> blocks(LabelItem item) {
        List<TextBlock> blocks = new ArrayList<>(7);
        blocks.add(new TextBlock(item.productName(), true, 1.0, 4));
        blocks.add(new TextBlock(item.cooperativeName(), false, 0.72, 2));
        blocks.add(new TextBlock("Lô: " + item.lot(), false, 0.72, 2));
        blocks.add(new TextBlock("Vùng trồng: " + item.zoneCode(), false, 0.72, 2));
        String dates = "Thu hoạch: " + DATE.format(item.harvestDate());
        if (item.expiry() != null) {
            dates += "  HSD: " + DATE.format(item.expiry());
        }
        blocks.add(new TextBlock(dates, false, 0.72, 2));
        blocks.add(new TextBlock("KL tịnh: " + item.netQuantity(), false, 0.72, 2));
        if (item.ocopStars() > 0) {
            blocks.add(new TextBlock(stars(item.ocopStars()) + " OCOP", true, 0.8, 1));
        }
        return blocks;
    }

    /** "★★★★" for 4. */
    public static String stars(int count) {
        return STAR.repeat(Math.max(0, count));
    }
}
