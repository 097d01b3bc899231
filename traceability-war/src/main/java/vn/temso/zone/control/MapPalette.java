package vn.temso.zone.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import vn.temso.platform.text.Texts;
import vn.temso.zone.entity.ZoneStatus;

/**
 * The map's colours. Statuses have fixed ones (green active, amber suspended, grey revoked). Crops get a colour
 * from their name: the CRC-32 of its lower-case key picks a slot of {@link #CROPS}, and a crop whose slot another
 * crop of the same map already holds takes the next free one, so one map never shows two crops alike and a crop
 * keeps its colour from map to map unless a clash moves it. Past {@link #CROPS}'s size, the rarest crops share
 * {@link #OTHER}.
 */
public final class MapPalette {

    /** Twelve fills that stay apart for common colour blindness (Paul Tol's "muted" and "light" schemes). */
    static final List<String> CROPS = List.of(
            "#88ccee", "#cc6677", "#ddcc77", "#117733", "#332288", "#aa4499", "#44aa99", "#999933", "#882255",
            "#ee8866", "#bbcc33", "#77aadd");

    public static final String OTHER = "#bbbbbb";
    public static final String NONE = "#e0e0e0";

    private MapPalette() {}

    public static String of(ZoneStatus status) {
        return switch (status) {
            case ACTIVE -> "#4caf50";
            case SUSPENDED -> "#ffb300";
            case REVOKED -> "#9e9e9e";
        };
    }

    /** The key crops are grouped by: trimmed, lower case, one space; null for none. */
    public static String cropKey(String crop) {
        String clean = Texts.clean(crop);
        return clean == null ? null : Texts.key(clean);
    }

    /**
     * Colours for the crops of one map, by {@link #cropKey}: the most frequent first (then by key), each at its
     * hashed slot or the next free one; those past the palette's size get {@link #OTHER}.
     */
    public static Map<String, String> forCrops(Map<String, Long> zonesPerCrop) {
        List<String> keys = new ArrayList<>(zonesPerCrop.keySet());
        keys.sort(Comparator.comparing((String c) -> -zonesPerCrop.get(c)).thenComparing(Comparator.naturalOrder()));
        Map<String, String> colours = new LinkedHashMap<>();
        Map<Integer, String> taken = new HashMap<>();
        for (String key : keys) {
            if (taken.size() == CROPS.size()) {
                colours.put(key, OTHER);
                continue;
            }
            int slot = slot(key);
            while (taken.containsKey(slot)) {
                slot = (slot + 1) % CROPS.size();
            }
            taken.put(slot, key);
            colours.put(key, CROPS.get(slot));
        }
        return colours;
    }

    static int slot(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return (int) (crc.getValue() % CROPS.size());
    }
}
