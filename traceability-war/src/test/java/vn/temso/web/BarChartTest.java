package vn.temso.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void shouldScaleBarsToTheLargestValueInsideTheViewBox() {
        BarChart c = BarChart.of(
                "c",
                "t",
                "s",
                List.of(new BarChart.Entry("3 ★", "3★", 2, "2"), new BarChart.Entry("4 ★", "4★", 4, "4")),
                List.of("a", "b"));
        BarChart.Bar small = c.bars().get(0);
        BarChart.Bar big = c.bars().get(1);
        assertEquals(c.getBase(), big.y() + big.h(), 0.11);
        assertEquals(big.h() / 2, small.h(), 0.11);
        assertEquals(BarChart.TOP, big.y(), 0.11);
        assertTrue(big.x() + big.w() <= BarChart.WIDTH);
    }

    @Test
    void shouldDrawNothingTallForZerosAndLabelAboutTwelveBars() {
        List<BarChart.Entry> days = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            days.add(new BarChart.Entry("day " + i, "d" + i, 0, "0"));
        }
        BarChart c = BarChart.of("c", "t", "s", days, List.of("a", "b"));
        assertEquals(30, c.bars().size());
        assertTrue(c.bars().stream().allMatch(b -> b.h() == 0));
        assertEquals(10, c.bars().stream().filter(BarChart.Bar::showLabel).count());
        assertTrue(BarChart.of("c", "t", "s", List.of(), List.of()).bars().isEmpty());
    }
}
