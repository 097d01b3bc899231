package vn.temso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.temso.testsupport.PdfText;
import vn.temso.testsupport.QrDecoding;
import vn.temso.testsupport.QrDecoding.Grid;

/**
 * Label printing (issue 4): commune staff print a batch's stamps as a PDF sheet or ZPL, the file is read back (text
 * with diacritics, QR codes decoded at 300 dpi and verified on the server), reprints keep serials, tenancy holds.
 */
public abstract class PrintingScenarios extends ApiScenarios {

    static final String MANAGER = "tantru.quanly";
    static final String STAFF = "canbo.binhtinh";
    static final String BASE = Fixtures.BASE;

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String id(JsonNode n) {
        return n.get("id").asText();
    }

    /** Posts a print job and waits until it has ended; returns the finished job. */
    private static JsonNode print(String user, String batchId, Map<String, Object> request)
            throws InterruptedException {
        Api.Reply r = api.post(user, "/api/batches/" + batchId + "/print-jobs", request);
        assertTrue(r.status() == 201 || r.status() == 202, () -> r.status() + " " + r.text());
        String location = URI.create(r.header("Location")).getPath();
        assertEquals("/api/print-jobs/" + id(r.json()), location);
        return await(user, location);
    }

    private static JsonNode await(String user, String jobPath) throws InterruptedException {
        int lastPercent = 0;
        for (int i = 0; i < 1200; i++) {
            JsonNode j = api.get(user, jobPath).json();
            int percent = j.get("percent").asInt();
            assertTrue(percent >= lastPercent, "progress never goes back: " + j);
            lastPercent = percent;
            String status = j.get("status").asText();
            if (status.equals("DONE") || status.equals("FAILED")) {
                return j;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("print job did not finish: " + jobPath);
    }

    private static Map<Integer, String> stampUrls(String batchId) {
        Map<Integer, String> urls = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            JsonNode p = api.get(MANAGER, "/api/batches/" + batchId + "/stamps?size=200&page=" + page)
                    .json();
            p.get("items")
                    .forEach(s -> urls.put(s.get("seq").asInt(), s.get("url").asText()));
            if (urls.size() >= p.get("total").asInt()) {
                return urls;
            }
        }
    }

    private static Api.Reply download(String user, JsonNode job) {
        return api.get(user, job.get("download").asText());
    }

    private static Api.Reply publicJson(String path) {
        return api.request("GET", path).accept("application/json").send();
    }

    /** The 3 x 8 (70 x 37 mm) preset. */
    private static final Grid PRESET_3X8 = QrDecoding.PRESET_3X8;

    @Test
    void shouldPrintAPdfAsCommuneStaffThatReadsBackAndScansGenuine() throws Exception {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        String batchId = id(batch);
        JsonNode job = print(STAFF, batchId, body("format", "PDF", "template", "3x8-70x37", "count", 30));
        assertEquals("DONE", job.get("status").asText(), job.toString());
        assertEquals(100, job.get("percent").asInt());
        assertEquals(30, job.get("labelsDone").asInt());
        assertEquals(1, job.get("fromSeq").asInt());
        assertEquals(30, job.get("toSeq").asInt());
        assertFalse(job.get("reprint").asBoolean());
        assertEquals(STAFF, job.get("createdBy").asText());
        assertEquals(2, job.get("pages").asInt());

        Api.Reply file = download(STAFF, job);
        assertEquals(200, file.status(), file.text());
        assertTrue(file.contentType().startsWith("application/pdf"), file.contentType());
        assertTrue(
                file.header("Content-Disposition").startsWith("attachment; filename=\"tem-"),
                file.header("Content-Disposition"));
        FileScenarios.assertStored("prints/" + id(job) + ".pdf", file.raw().body(), "application/pdf");
        Map<Integer, String> urls = stampUrls(batchId);
        assertEquals(30, urls.size(), "the print issued exactly its stamps");
        String coopName = batch.get("cooperativeName").asText();

        java.nio.file.Files.write(
                java.nio.file.Path.of("target", "printing-it-30-labels.pdf"),
                file.raw().body());
        Set<String> decoded = new HashSet<>();
        PdfText.Read pdf = PdfText.read(file.raw().body());
        assertEquals(2, pdf.pages());
        String text = pdf.flat();
        assertTrue(text.contains("Gạo thơm ST25"), text);
        assertTrue(text.contains(coopName) || text.contains("Tân Trụ Xanh"), coopName + " in " + text);
        assertTrue(text.contains(batch.get("lotCode").asText()), "lot");
        assertTrue(text.contains("10/11/2026"), "harvest date");
        decoded.addAll(QrDecoding.decodePdfCells(file.raw().body(), PRESET_3X8));
        assertEquals(30, decoded.size(), "every label's QR decodes: " + decoded.size());
        assertTrue(urls.values().containsAll(decoded), "every QR is one of the batch's stamps");
        String any = decoded.iterator().next();
        assertTrue(any.startsWith(BASE + "/01/"), any);
        assertEquals(
                "GENUINE",
                publicJson(any.substring(BASE.length())).json().get("verdict").asText());

        assertEquals(
                100,
                api.get(STAFF, "/api/print-jobs/" + id(job))
                        .json()
                        .get("percent")
                        .asInt());
        JsonNode audit =
                api.get(MANAGER, "/api/audit?entityId=" + batchId + "&size=50").json();
        assertTrue(audit.toString().contains("\"print\"") && audit.toString().contains(STAFF), audit.toString());
    }

    @Test
    void shouldReprintTheSameSerialsAsZplAndRecordTheReprint() throws Exception {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        String batchId = id(batch);
        JsonNode first = print(MANAGER, batchId, body("format", "PDF", "template", "avery-l7160", "count", 5));
        assertEquals("DONE", first.get("status").asText(), first.toString());
        Map<Integer, String> urls = stampUrls(batchId);

        JsonNode re =
                print(STAFF, batchId, body("format", "ZPL", "template", "50x30", "dpi", 300, "fromSeq", 2, "toSeq", 4));
        assertEquals("DONE", re.get("status").asText(), re.toString());
        assertTrue(re.get("reprint").asBoolean());
        assertEquals(2, re.get("fromSeq").asInt());
        assertEquals(4, re.get("toSeq").asInt());
        assertEquals(3, re.get("count").asInt());
        assertEquals(5, stampUrls(batchId).size(), "a reprint issues no stamps");

        Api.Reply zpl = download(STAFF, re);
        assertEquals(200, zpl.status(), zpl.text());
        assertTrue(zpl.contentType().startsWith("application/vnd.zebra.zpl"), zpl.contentType());
        String commands = new String(zpl.raw().body(), StandardCharsets.UTF_8);
        assertEquals(3, commands.split("\\^XA", -1).length - 1, "one ^XA per label");
        assertTrue(commands.contains("^BQN"));
        assertTrue(commands.contains("^GFA"), "Vietnamese text as graphics");
        for (int seq = 1; seq <= 5; seq++) {
            assertEquals(seq >= 2 && seq <= 4, commands.contains(urls.get(seq)), "stamp " + seq);
        }

        JsonNode history =
                api.get(MANAGER, "/api/batches/" + batchId + "/print-jobs").json();
        assertEquals(2, history.get("total").asInt());
        assertEquals(id(re), history.at("/items/0/id").asText(), "newest first");
        assertTrue(history.at("/items/0/reprint").asBoolean());
        assertEquals("ZPL", history.at("/items/0/format").asText());
        assertEquals("50x30", history.at("/items/0/template").asText());
        assertFalse(history.at("/items/1/reprint").asBoolean());
        assertEquals("avery-l7160", history.at("/items/1/template").asText());
        JsonNode audit =
                api.get(MANAGER, "/api/audit?entityId=" + batchId + "&size=50").json();
        assertTrue(audit.toString().contains("\"reprint\""), audit.toString());

        // past the retention the file is deleted (PrintRetention): the job stays, its download says what to reprint
        FileScenarios.assertStored("prints/" + id(re) + ".zpl", zpl.raw().body(), "application/vnd.zebra.zpl");
        assertEquals(
                204,
                FileScenarios.probe("DELETE", "prints/" + id(re) + ".zpl", null).statusCode(),
                "the print file is in the database file store");
        Api.Reply gone = download(STAFF, re);
        assertProblem(gone, 410, "gone");
        assertTrue(gone.json().get("detail").asText().contains("2-4"), gone.text());
        JsonNode kept = api.get(STAFF, "/api/print-jobs/" + id(re)).json();
        assertEquals("DONE", kept.get("status").asText(), "the record stays: " + kept);
        assertEquals("50x30", kept.get("template").asText());
    }

    @Test
    void shouldLetOnlyAdminsManagersAndTheCommuneStaffPrint() throws Exception {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        String batchId = id(batch);
        Map<String, Object> request = body("format", "PDF", "count", 2);
        String path = "/api/batches/" + batchId + "/print-jobs";
        assertProblem(api.post("canbo.hoatan", path, request), 404, "not-found");
        assertProblem(api.post("duchoa.quanly", path, request), 404, "not-found");
        assertProblem(api.post("tantru.xavien", path, request), 403, "forbidden");
        assertEquals(
                0,
                api.get(MANAGER, "/api/batches/" + batchId + "/stamps")
                        .json()
                        .get("total")
                        .asInt(),
                "refused prints issue nothing");

        JsonNode job = print("admin", batchId, request);
        assertEquals("DONE", job.get("status").asText(), job.toString());
        String jobPath = "/api/print-jobs/" + id(job);
        assertProblem(api.get("canbo.hoatan", jobPath), 404, "not-found");
        assertProblem(api.get("duchoa.quanly", jobPath), 404, "not-found");
        assertProblem(api.get("canbo.hoatan", jobPath + "/download"), 404, "not-found");
        assertEquals(200, api.get("tantru.xavien", jobPath).status(), "members see the history");
        assertProblem(api.get("tantru.xavien", jobPath + "/download"), 403, "forbidden");
        assertProblem(api.get("duchoa.quanly", path), 404, "not-found");
        assertEquals(1, api.get("tantru.xavien", path).json().get("total").asInt());
    }

    @Test
    void shouldRefuseRecalledBatchesAndBadRequests() throws Exception {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        String batchId = id(batch);
        String path = "/api/batches/" + batchId + "/print-jobs";
        Api.Reply badTemplate = api.post(STAFF, path, body("format", "PDF", "template", "a4-99x99", "count", 1));
        assertProblem(badTemplate, 400, "validation-failed");
        assertTrue(hasViolation(badTemplate, "template"), badTemplate.text());
        assertProblem(
                api.post(STAFF, path, body("format", "PDF", "template", "/etc/passwd.json", "count", 1)),
                400,
                "validation-failed");
        assertTrue(hasViolation(api.post(STAFF, path, body("format", "TIFF", "count", 1)), "format"));
        assertTrue(hasViolation(api.post(STAFF, path, body("format", "ZPL", "dpi", 250, "count", 1)), "dpi"));
        assertTrue(hasViolation(
                api.post(STAFF, path, body("format", "PDF", "startPosition", 25, "count", 1)), "startPosition"));
        assertProblem(api.post(STAFF, path, body("format", "PDF", "count", 1, "fromSeq", 1)), 400, "validation-failed");
        assertProblem(api.post(STAFF, path, body("format", "PDF")), 400, "validation-failed");
        assertProblem(api.post(STAFF, path, body("format", "PDF", "fromSeq", 1, "toSeq", 3)), 400, "validation-failed");
        assertEquals(0, api.get(STAFF, path).json().get("total").asInt(), "refused requests are not recorded");

        JsonNode job = print(
                STAFF,
                batchId,
                body("format", "PDF", "template", "4x10", "startPosition", 7, "cutMarks", true, "count", 3));
        assertEquals("DONE", job.get("status").asText(), job.toString());
        assertEquals(7, job.get("startPosition").asInt());
        assertProblem(api.get(STAFF, "/api/print-jobs/no-such-job"), 404, "not-found");

        assertEquals(
                200,
                api.post(
                                MANAGER,
                                "/api/batches/" + batchId + "/recall",
                                body("reason", "Phát hiện dư lượng vượt ngưỡng"))
                        .status());
        assertProblem(api.post(STAFF, path, body("format", "PDF", "count", 1)), 422, "rule/batch-not-open");
        assertProblem(
                api.post(STAFF, path, body("format", "PDF", "fromSeq", 1, "toSeq", 3)), 422, "rule/batch-recalled");
    }

    @Test
    void shouldListTheTemplatesForTheUi() {
        JsonNode t = api.get(STAFF, "/api/label-templates").json();
        assertEquals("3x8-70x37", t.at("/sheets/0/name").asText());
        assertEquals(24, t.at("/sheets/0/labelsPerSheet").asInt());
        assertTrue(t.get("thermal").toString().contains("50x30"));
        assertEquals(401, api.get(null, "/api/label-templates").status());
    }

    @Test
    void shouldRunALargeJobInTheBackgroundWithProgressTo100() throws Exception {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        Api.Reply r = api.post(
                STAFF,
                "/api/batches/" + id(batch) + "/print-jobs",
                body("format", "PDF", "template", "4x10", "count", 2001));
        assertEquals(202, r.status(), r.text());
        assertFalse(r.json().has("download"), "no file yet");
        JsonNode done = await(STAFF, URI.create(r.header("Location")).getPath());
        assertEquals("DONE", done.get("status").asText(), done.toString());
        assertEquals(100, done.get("percent").asInt());
        assertEquals(2001, done.get("labelsDone").asInt());
        assertEquals(51, done.get("pages").asInt());
        Api.Reply file = download(STAFF, done);
        assertEquals(200, file.status());
        assertEquals(done.get("bytes").asLong(), file.raw().body().length);
    }

    static final String CUSTOM_SHEET = "{\"name\": \"%s\", \"labelWidthMm\": 60, \"labelHeightMm\": 30,"
            + " \"cornerRadiusMm\": 2, \"columns\": 3, \"rows\": 9, \"leftMarginMm\": 10, \"topMarginMm\": 5,"
            + " \"horizontalGapMm\": 5, \"verticalGapMm\": 2}";

    private static Api.Reply saveTemplate(String user, String cooperativeId, String json) {
        return api.send(
                "POST",
                "/api/label-templates" + (cooperativeId == null ? "" : "?cooperativeId=" + cooperativeId),
                api.token(user),
                "application/json",
                json);
    }

    private static boolean lists(String user, String query, String templateId) {
        JsonNode t = api.get(user, "/api/label-templates" + query).json();
        return t.get("custom").findValuesAsText("id").contains(templateId);
    }

    @Test
    void shouldSaveACustomSheetTemplateForOneCooperativeAndPrintWithIt() throws Exception {
        JsonNode batch = Fixtures.batch(api, MANAGER);
        String batchId = id(batch);
        String coopId = batch.get("cooperativeId").asText();
        String name = "Giấy Tomy 3x9 " + Long.toString(System.nanoTime(), 36);

        // commune staff save it for a cooperative of their commune
        Api.Reply saved = saveTemplate(STAFF, coopId, CUSTOM_SHEET.formatted(name));
        assertEquals(201, saved.status(), saved.text());
        JsonNode t = saved.json();
        String templateId = id(t);
        assertEquals(
                "/api/label-templates/" + templateId,
                URI.create(saved.header("Location")).getPath());
        assertEquals(name, t.get("name").asText());
        assertEquals(coopId, t.get("cooperativeId").asText());
        assertEquals(27, t.get("labelsPerSheet").asInt());
        assertEquals(65.0, t.at("/template/horizontalPitchMm").asDouble(), "stored with explicit pitches");
        assertEquals(
                "/api/label-templates/" + templateId + "/calibration",
                t.get("calibration").asText());

        // listed alongside the presets, for the cooperative's people only
        JsonNode all = api.get(MANAGER, "/api/label-templates").json();
        assertEquals("3x8-70x37", all.at("/sheets/0/name").asText(), "presets first, unchanged");
        assertTrue(lists(MANAGER, "", templateId));
        assertTrue(lists(STAFF, "?cooperativeId=" + coopId, templateId));
        assertTrue(lists("tantru.xavien", "", templateId), "members see the templates of their cooperative");
        assertEquals(200, api.get(MANAGER, "/api/label-templates/" + templateId).status());
        for (String outsider : List.of("duchoa.quanly", "canbo.hoatan")) {
            assertFalse(lists(outsider, "", templateId), outsider);
            assertProblem(api.get(outsider, "/api/label-templates?cooperativeId=" + coopId), 404, "not-found");
            assertProblem(api.get(outsider, "/api/label-templates/" + templateId), 404, "not-found");
            assertProblem(api.get(outsider, "/api/label-templates/" + templateId + "/calibration"), 404, "not-found");
            assertProblem(
                    api.send("DELETE", "/api/label-templates/" + templateId, api.token(outsider), null, null),
                    404,
                    "not-found");
            assertProblem(saveTemplate(outsider, coopId, CUSTOM_SHEET.formatted("khác")), 404, "not-found");
        }
        assertProblem(saveTemplate("tantru.xavien", null, CUSTOM_SHEET.formatted("thành viên")), 403, "forbidden");
        assertProblem(
                api.get("tantru.xavien", "/api/label-templates/" + templateId + "/calibration"), 403, "forbidden");
        assertProblem(saveTemplate(MANAGER, null, CUSTOM_SHEET.formatted(name.toUpperCase())), 409, "conflict");

        // its calibration page, by id and by name
        Api.Reply calibration = api.get(STAFF, "/api/label-templates/" + templateId + "/calibration");
        assertEquals(200, calibration.status(), calibration.text());
        assertTrue(calibration.contentType().startsWith("application/pdf"), calibration.contentType());
        PdfText.Read calibrationPdf = PdfText.read(calibration.raw().body());
        assertEquals(1, calibrationPdf.pages());
        assertTrue(
                calibrationPdf.text().contains("Calibration")
                        && calibrationPdf.text().contains(name),
                calibrationPdf.text());
        Api.Reply byName = api.get(
                MANAGER,
                "/api/label-templates/"
                        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)
                                .replace("+", "%20") + "/calibration?cooperativeId=" + coopId);
        assertEquals(200, byName.status(), byName.text());

        // printed by name like a preset: 30 labels on 27-label sheets, read back and scanned
        JsonNode job = print(STAFF, batchId, body("format", "PDF", "template", name, "count", 30));
        assertEquals("DONE", job.get("status").asText(), job.toString());
        assertEquals(name, job.get("template").asText());
        assertEquals(templateId, job.get("templateId").asText());
        assertEquals(2, job.get("pages").asInt());
        Api.Reply file = download(STAFF, job);
        assertEquals(200, file.status(), file.text());
        Map<Integer, String> urls = stampUrls(batchId);
        Set<String> decoded = new HashSet<>();
        PdfText.Read pdf = PdfText.read(file.raw().body());
        assertEquals(2, pdf.pages());
        String text = pdf.flat();
        assertTrue(text.contains("Gạo thơm ST25"), text);
        assertTrue(text.contains(batch.get("lotCode").asText()), "lot");
        Grid grid = new Grid(3, 9, 10, 5, 65, 32, 60, 30);
        decoded.addAll(QrDecoding.decodePdfCells(file.raw().body(), grid));
        assertEquals(30, decoded.size(), "every label's QR decodes in its cell of the custom sheet");
        assertTrue(urls.values().containsAll(decoded));

        // by id as ZPL (the sheet's label size), and never for another cooperative's batch
        JsonNode zpl = print(MANAGER, batchId, body("format", "ZPL", "template", templateId, "fromSeq", 1, "toSeq", 2));
        assertEquals("DONE", zpl.get("status").asText(), zpl.toString());
        assertEquals(name, zpl.get("template").asText());
        String commands = new String(download(MANAGER, zpl).raw().body(), StandardCharsets.UTF_8);
        assertTrue(
                commands.contains("^PW479") || commands.contains("^PW480"),
                "60 mm at 203 dpi: " + commands.substring(0, 40));
        JsonNode other = Fixtures.batch(api, "duchoa.quanly");
        Api.Reply refused = api.post(
                "duchoa.quanly",
                "/api/batches/" + id(other) + "/print-jobs",
                body("format", "PDF", "template", templateId, "count", 1));
        assertProblem(refused, 400, "validation-failed");
        assertTrue(hasViolation(refused, "template") && !refused.text().contains(name), refused.text());

        // deleted: gone from the list, the history keeps the name and the file
        assertEquals(
                204,
                api.send("DELETE", "/api/label-templates/" + templateId, api.token(MANAGER), null, null)
                        .status());
        assertFalse(lists(MANAGER, "", templateId));
        assertProblem(api.get(MANAGER, "/api/label-templates/" + templateId), 404, "not-found");
        JsonNode history =
                api.get(MANAGER, "/api/batches/" + batchId + "/print-jobs").json();
        assertEquals(name, history.at("/items/1/template").asText(), history.toString());
        assertEquals(200, download(STAFF, job).status());
        assertTrue(hasViolation(
                api.post(
                        STAFF,
                        "/api/batches/" + batchId + "/print-jobs",
                        body("format", "PDF", "template", name, "count", 1)),
                "template"));
    }

    @Test
    void shouldRefuseInvalidCustomTemplatesNamingTheField() {
        String coopId = null; // a manager saves for the own cooperative
        Api.Reply notJson = saveTemplate(MANAGER, coopId, "{not json");
        assertProblem(notJson, 400, "validation-failed");
        assertTrue(hasViolation(notJson, "template"), notJson.text());
        Api.Reply tooWide = saveTemplate(
                MANAGER, coopId, CUSTOM_SHEET.formatted("rộng quá").replace("\"columns\": 3", "\"columns\": 4"));
        assertProblem(tooWide, 400, "validation-failed");
        assertTrue(hasViolation(tooWide, "columns"), tooWide.text());
        assertTrue(tooWide.text().contains("do not fit across"), tooWide.text());
        Api.Reply unknown = saveTemplate(
                MANAGER, coopId, CUSTOM_SHEET.formatted("màu").replace("\"rows\"", "\"colour\": \"red\", \"rows\""));
        assertTrue(hasViolation(unknown, "colour"), unknown.text());
        Api.Reply noName = saveTemplate(MANAGER, coopId, CUSTOM_SHEET.replace("\"name\": \"%s\", ", ""));
        assertProblem(noName, 400, "validation-failed");
        assertTrue(hasViolation(noName, "name"), noName.text());
        assertTrue(hasViolation(saveTemplate(MANAGER, coopId, CUSTOM_SHEET.formatted("4x10")), "name"));
        assertTrue(
                hasViolation(saveTemplate(STAFF, null, CUSTOM_SHEET.formatted("không hợp tác xã")), "cooperativeId"));
        assertTrue(hasViolation(saveTemplate("admin", null, CUSTOM_SHEET.formatted("admin")), "cooperativeId"));
        assertEquals(
                401,
                api.send("POST", "/api/label-templates", null, "application/json", CUSTOM_SHEET.formatted("x"))
                        .status());
    }

    @Test
    void shouldServeCalibrationPagesForPresetsAndCustomSheets() throws Exception {
        Api.Reply preset = api.get(STAFF, "/api/label-templates/avery-l7160/calibration");
        assertEquals(200, preset.status(), preset.text());
        assertTrue(preset.contentType().startsWith("application/pdf"), preset.contentType());
        PdfText.Read presetPdf = PdfText.read(preset.raw().body());
        assertEquals(1, presetPdf.pages());
        assertTrue(presetPdf.text().contains("Calibration"), "calibration text");
        String custom = "{\"name\": \"hop-tac-xa-3x9\", \"labelWidthMm\": 60, \"labelHeightMm\": 30, \"columns\": 3,"
                + " \"rows\": 9, \"leftMarginMm\": 10, \"topMarginMm\": 5, \"horizontalGapMm\": 5, \"verticalGapMm\": 2}";
        Api.Reply own =
                api.send("POST", "/api/label-templates/calibration", api.token(MANAGER), "application/json", custom);
        assertEquals(200, own.status(), own.text());
        assertTrue(PdfText.read(own.raw().body()).text().contains("hop-tac-xa-3x9"), "names the template");
        String tooWide = custom.replace("\"columns\": 3", "\"columns\": 4");
        assertProblem(
                api.send("POST", "/api/label-templates/calibration", api.token(MANAGER), "application/json", tooWide),
                400,
                "validation-failed");
        assertProblem(
                api.send(
                        "POST",
                        "/api/label-templates/calibration",
                        api.token(MANAGER),
                        "application/json",
                        "{not json"),
                400,
                "validation-failed");
        assertProblem(api.get(STAFF, "/api/label-templates/no-such-sheet/calibration"), 404, "not-found");
        assertProblem(api.get(STAFF, "/api/label-templates/avery-l7160/calibration?dpi=abc"), 400, "validation-failed");
        assertEquals(
                401,
                api.send("GET", "/api/label-templates/avery-l7160/calibration", null, null, null)
                        .status());
    }
}
