package vn.temso.catalog.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CharBufferingTest {

    @Test
    void shouldPassEveryCharacterThroughInOrderWhateverTheSizeOfTheWrites() throws IOException {
        StringWriter sink = new StringWriter();
        StringBuilder expected = new StringBuilder();
        try (CharBuffering w = new CharBuffering(sink, 8)) {
            String vietnamese = "Gạo thơm ST25 – Tân Trụ";
            for (char c : vietnamese.toCharArray()) {
                w.write(c); // one at a time, as the JDK's StAX escapes text
            }
            expected.append(vietnamese);
            w.write("abc", 1, 2); // fits
            expected.append("bc");
            String longer = "một chuỗi dài hơn bộ đệm"; // longer than the buffer: written through
            w.write(longer, 0, longer.length());
            expected.append(longer);
            char[] chars = "xyz0123456789".toCharArray();
            w.write(chars, 3, 4);
            expected.append("0123");
            w.write(chars, 0, chars.length);
            expected.append(chars);
            assertTrue(expected.length() - sink.toString().length() <= 8, "at most a buffer held back");
        }
        assertEquals(expected.toString(), sink.toString(), "all of it once closed");
    }
}
