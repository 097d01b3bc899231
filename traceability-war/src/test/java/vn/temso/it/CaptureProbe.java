package vn.temso.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.temso.batch.entity.Batch;
import vn.temso.epcis.control.EventLog;
import vn.temso.epcis.control.EventProjection;
import vn.temso.epcis.entity.EpcisEvent;
import vn.temso.epcis.entity.EventKind;
import vn.temso.epcis.entity.Identifiers;
import vn.temso.platform.persistence.ChangeSignal;
import vn.temso.stamping.entity.Stamp;

/**
 * Added to the test deployment only (never in the built WAR), until {@code POST /epcis/capture} exists: takes an
 * EPCISDocument as a partner would post it and appends each event through the real {@link EventLog} as
 * {@link EventKind#CAPTURED}, filed under the first Temso lot it names (by class, or by one of its stamps) and that
 * lot's cooperative, in one transaction. No validation, no partner key: {@code OriginJourneyScenarios.capture} is the
 * one call to swap for the real endpoint. {@code GET} answers the cluster's change-signal counter (what every other
 * instance polls to drop its cached trace pages), so a scenario can see a capture move it.
 */
@WebServlet(urlPatterns = "/it/epcis/capture")
public class CaptureProbe extends HttpServlet {

    @Inject
    EventLog log;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Inject
    ChangeSignal changes;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        resp.getOutputStream().write(Long.toString(changes.read()).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JsonObject doc;
        try (JsonReader r = Json.createReader(req.getInputStream())) {
            doc = r.readObject();
        }
        JsonArrayBuilder ids = Json.createArrayBuilder();
        try {
            tx.begin();
            for (JsonValue v : doc.getJsonObject("epcisBody").getJsonArray("eventList")) {
                ids.add(file(v.asJsonObject()));
            }
            tx.commit();
        } catch (Exception e) {
            try {
                tx.rollback();
            } catch (Exception ignored) {
                // the transaction is gone already
            }
            resp.setStatus(400);
            resp.setContentType("text/plain;charset=UTF-8");
            resp.getOutputStream().write(String.valueOf(e).getBytes(StandardCharsets.UTF_8));
            return;
        }
        resp.setStatus(201);
        resp.setContentType("application/json");
        resp.getOutputStream()
                .write(Json.createObjectBuilder()
                        .add("eventIds", ids)
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8));
    }

    private String file(JsonObject event) {
        String id = event.getString("eventID");
        List<String> classes = new ArrayList<>();
        List<String> instances = new ArrayList<>();
        Batch lot = null;
        for (JsonValue q :
                event.getOrDefault("quantityList", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            String cls = q.asJsonObject().getString("epcClass");
            Identifiers.Key key = Identifiers.parse(cls).orElseThrow();
            classes.add(key.canonical());
            Batch b = em.createQuery("SELECT b FROM Batch b WHERE b.product.gtin = :g AND b.lotCode = :l", Batch.class)
                    .setParameter("g", key.gtin())
                    .setParameter("l", key.lot())
                    .getSingleResult();
            lot = lot == null ? b : lot;
        }
        for (JsonValue e :
                event.getOrDefault("epcList", JsonValue.EMPTY_JSON_ARRAY).asJsonArray()) {
            Identifiers.Key key =
                    Identifiers.parse(((JsonString) e).getString()).orElseThrow();
            instances.add(key.canonical());
            Stamp s = em.find(Stamp.class, Stamp.idFor(key.gtin(), key.serial()));
            // the stamp's lot too, so an event about stamps of several lots is found from each lot's page
            classes.add(Identifiers.lotClass(
                    s.getBatch().getProduct().getGtin(), s.getBatch().getLotCode()));
            lot = lot == null ? s.getBatch() : lot;
        }
        if (lot == null) {
            throw new IllegalArgumentException("event " + id + " names no Temso lot");
        }
        JsonObject location = event.getJsonObject("bizLocation");
        EpcisEvent row = new EpcisEvent(
                id,
                new EpcisEvent.Filing(
                        EventKind.CAPTURED,
                        id,
                        lot.getCooperative(),
                        lot.getId(),
                        OffsetDateTime.parse(event.getString("eventTime")).toInstant(),
                        clock.instant(),
                        null),
                new EpcisEvent.What(
                        event.getString("type"),
                        event.getString("action", null),
                        event.getString("bizStep", null),
                        event.getString("disposition", null),
                        location == null ? null : location.getString("id", null)),
                event.toString());
        row.capturedBy("it-capture-probe", UUID.randomUUID().toString());
        log.append(new EventProjection.Projected(row, classes, instances));
        return id;
    }
}
