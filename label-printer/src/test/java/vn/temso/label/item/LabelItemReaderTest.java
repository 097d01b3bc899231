package vn.temso.label.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LabelItemReaderTest {

    private static final String HEADER =
            "qrPayload,productName,lot,zoneCode,harvestDate,expiry,netQuantity,cooperativeName,ocopStars\n";

    private static List<LabelItem> csv(String text) throws IOException {
        try (Stream<LabelItem> s = LabelItemReader.readCsv(new StringReader(text), "items.csv")) {
            return s.toList();
        }
    }

    @Test
    void shouldReadCsvWithBomAndNormaliseVietnameseToNfc() throws IOException {
        String decomposed = Normalizer.normalize("Dừa sáp Cầu Kè", Normalizer.Form.NFD);
        List<LabelItem> items = csv("\uFEFF" + HEADER
                + "https://t.vn/1,\"" + decomposed + "\",L1,VN-TV-01,2026-03-01,,2 trái,HTX Cầu Kè,4\n"
                + "https://t.vn/2,\"Gạo, thơm ST25\",L2,VN-ST-02,2026-01-15,2026-12-31,5 kg,HTX Tân Trụ,\n");
        assertEquals(2, items.size());
        assertEquals("Dừa sáp Cầu Kè", items.get(0).productName());
        assertTrue(Normalizer.isNormalized(items.get(0).productName(), Normalizer.Form.NFC));
        assertNull(items.get(0).expiry());
        assertEquals(4, items.get(0).ocopStars());
        assertEquals("Gạo, thơm ST25", items.get(1).productName());
        assertEquals(LocalDate.of(2026, 12, 31), items.get(1).expiry());
        assertEquals(0, items.get(1).ocopStars());
    }

    @Test
    void shouldNameTheLineAndFieldOfABadRow() {
        String m = assertThrows(
                        InvalidLabelItemException.class,
                        () -> csv(HEADER
                                + "https://t.vn/1,Dừa,L1,VN-1,2026-03-01,,2 kg,HTX,\n"
                                + "https://t.vn/2,Gạo,L2,VN-2,2026-13-01,,5 kg,HTX,\n"))
                .getMessage();
        assertEquals("items.csv line 3: harvestDate '2026-13-01' is not a date (expected yyyy-MM-dd)", m);
        m = assertThrows(
                        InvalidLabelItemException.class,
                        () -> csv(HEADER + "https://t.vn/1,,L1,VN-1,2026-03-01,,2 kg,HTX,2\n"))
                .getMessage();
        assertTrue(m.contains("line 2") && m.contains("productName is required"), m);
        m = assertThrows(
                        InvalidLabelItemException.class,
                        () -> csv(HEADER + "https://t.vn/1,Dừa,L1,VN-1,2026-03-01,,2 kg,HTX,2\n"))
                .getMessage();
        assertTrue(m.contains("ocopStars must be 0 (none) or 3 to 5, not 2"), m);
    }

    @Test
    void shouldRejectAHeaderWithMissingOrUnknownColumns() {
        String m = assertThrows(
                        InvalidLabelItemException.class,
                        () -> csv("qrPayload,productName,lot,zone,harvestDate,netQuantity,cooperativeName\n"))
                .getMessage();
        assertTrue(m.contains("missing column(s) zoneCode") && m.contains("unknown column(s) zone"), m);
    }

    @Test
    void shouldReadAJsonArrayOneItemAtATime() throws IOException {
        String json = """
                [{"qrPayload": "https://t.vn/1", "productName": "Xoài cát Hòa Lộc", "lot": "L1", "zoneCode": "VN-TG-1",
                  "harvestDate": "2026-05-02", "netQuantity": "1 kg", "cooperativeName": "HTX Hòa Lộc", "ocopStars": 5},
                 {"qrPayload": "https://t.vn/2", "productName": "Bưởi", "lot": "L2", "zoneCode": "VN-BT-2",
                  "harvestDate": "2026-05-03", "netQuantity": "2 kg", "cooperativeName": "HTX Chợ Lách", "oops": 1}]
                """;
        try (Stream<LabelItem> s = LabelItemReader.readJson(new StringReader(json), "items.json")) {
            var it = s.iterator();
            LabelItem first = it.next();
            assertEquals("Xoài cát Hòa Lộc", first.productName());
            assertEquals(5, first.ocopStars());
            String m = assertThrows(InvalidLabelItemException.class, it::next).getMessage();
            assertTrue(m.startsWith("items.json item 2: unknown field 'oops'"), m);
        }
    }
}
