package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the statistics read closed days from the daily rollup and the days after it from the stamp and scan rows;
 * both give the same numbers, day boundaries in Vietnam time. Scans in the past are written through {@link ScanProbe}.
 */
public abstract class ScanRollupScenarios extends ApiScenarios {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private static void scan(String stampId, LocalDate day, String time) {
        String at =
                day.atTime(LocalTime.parse(time)).atZone(VIETNAM).toInstant().toString();
        Api.Reply r =
                api.request("POST", "/it/scans?stamp=" + stampId + "&at=" + at).send();
        assertEquals(204, r.status(), r.text());
    }

    @Test
    void shouldCountPastDaysTheSameFromTheRollupAsFromTheScanRows() {
        JsonNode batch = Fixtures.issuedBatch(api, StampScenarios.MANAGER, 3);
        String product = batch.get("productId").asText();
        JsonNode stamps = api.get(
                        StampScenarios.MANAGER,
                        "/api/batches/" + batch.get("id").asText() + "/stamps")
                .json()
                .get("items");
        String gtin = batch.get("gtin").asText(); // a stamp's row id is GTIN-14.serial
        String a = gtin + "." + stamps.get(0).get("serial").asText();
        String b = gtin + "." + stamps.get(1).get("serial").asText();
        String c = gtin + "." + stamps.get(2).get("serial").asText();
        LocalDate today = LocalDate.now(VIETNAM);
        LocalDate d3 = today.minusDays(3);
        LocalDate d2 = today.minusDays(2);
        // 00:10 and 23:50 Vietnam time are the previous and the same UTC day: the day is Vietnam's
        scan(a, d3, "00:10");
        scan(a, d3, "23:50");
        scan(c, d3, "12:00");
        scan(a, d2, "06:00");
        scan(b, d2, "23:59:59");
        String query = "/it/scans?product=" + product + "&from=" + d3.minusDays(1) + "&to=" + today;

        List<String> perDay = List.of( // day, stamps issued, scans, stamps scanned for the first time
                d3.minusDays(1) + " 0 0 0",
                d3 + " 0 3 2",
                d2 + " 0 2 1",
                today.minusDays(1) + " 0 0 0",
                today + " 3 0 0");

        // counted from the scan rows: the rollup forgotten (it may have run at start, before these scans existed)
        assertEquals(204, api.request("POST", "/it/scans?rollup=forget").send().status());
        JsonNode live = api.request("GET", query).send().json();
        assertEquals("", live.get("doneThrough").asText());
        assertEquals(perDay, days(live), live.toString());
        assertEquals("3 5 3", totals(live), live.toString());

        // read from the rollup, which is done through yesterday
        Api.Reply rebuilt = api.request("POST", "/it/scans?rollup=rebuild").send();
        assertEquals(today.minusDays(1).toString(), rebuilt.text());
        JsonNode rolled = api.request("GET", query).send().json();
        assertEquals(today.minusDays(1).toString(), rolled.get("doneThrough").asText());
        assertEquals(perDay, days(rolled), rolled.toString());
        assertEquals("3 5 3", totals(rolled), rolled.toString());
    }

    private static String totals(JsonNode r) {
        JsonNode p = r.at("/perProduct/0");
        return p.get("issued").asInt() + " " + p.get("scans").asInt() + " "
                + p.get("firstScans").asInt();
    }

    private static List<String> days(JsonNode r) {
        return StreamSupport.stream(r.get("perDay").spliterator(), false)
                .map(d -> d.get("day").asText() + " " + d.get("issued").asInt() + " "
                        + d.get("scans").asInt() + " " + d.get("firstScans").asInt())
                .toList();
    }
}
