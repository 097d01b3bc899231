package vn.temso.demo;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import vn.temso.account.entity.UserAccount;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchEvent;
import vn.temso.batch.entity.EventType;
import vn.temso.batch.entity.NewEvent;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.platform.security.Role;
import vn.temso.platform.time.FarmTime;
import vn.temso.product.control.ProductImages;
import vn.temso.product.entity.Gtin;
import vn.temso.product.entity.OcopCertificate;
import vn.temso.product.entity.OcopGroup;
import vn.temso.product.entity.OcopLevel;
import vn.temso.product.entity.Product;
import vn.temso.zone.entity.Certification;
import vn.temso.zone.entity.MaterialZone;
import vn.temso.zone.entity.ZoneDescription;
import vn.temso.zone.entity.ZoneGeometry;
import vn.temso.zone.entity.ZoneStatus;

/** Loads demo/registry.json (a copy made for the project) into an empty database. */
@ApplicationScoped
public class DemoData {

    static final String DEMO_PASSWORD = "temso-demo-2026";
    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ProductImages images;

    @Transactional
    public boolean loadIfEmpty() {
        if (em.createQuery("SELECT COUNT(u) FROM UserAccount u", Long.class).getSingleResult() > 0) {
            return false;
        }
        JsonObject root = read();
        Instant now = clock.instant();
        Map<String, Cooperative> coops = new HashMap<>();
        for (JsonValue v : root.getJsonArray("cooperatives")) {
            JsonObject c = v.asJsonObject();
            Cooperative coop = new Cooperative(
                    c.getString("name"), CooperativeKind.valueOf(c.getString("kind")), c.getString("taxId"), now);
            coop.identify(c.getString("taxId"), c.getString("gln", null));
            coop.locate(
                    c.getString("address"), c.getString("commune"), c.getString("district"), c.getString("province"));
            coop.contact(c.getString("phone", null), null, null);
            coop.consentToCatalog(c.getBoolean("catalogConsent", false)); // the demo cooperatives are in the catalogue
            em.persist(coop);
            coops.put(c.getString("ref"), coop);
        }
        Map<String, MaterialZone> zones = new HashMap<>();
        for (JsonValue v : root.getJsonArray("zones")) {
            JsonObject z = v.asJsonObject();
            MaterialZone zone = new MaterialZone(coops.get(z.getString("coop")), z.getString("code"), now);
            zone.describe(ZoneDescription.builder()
                    .name(z.getString("name"))
                    .commune(z.getString("commune"))
                    .district(z.getString("district"))
                    .province(z.getString("province"))
                    .crop(z.getString("crop"))
                    .declaredAreaHa(z.getJsonNumber("declaredAreaHa").bigDecimalValue())
                    .households(z.getInt("households"))
                    .harvestsPerYear(z.getInt("harvestsPerYear"))
                    .build());
            zone.certify(z.getJsonArray("certifications").stream()
                    .map(JsonValue::asJsonObject)
                    .map(c -> new Certification(
                            c.getString("scheme"), c.getString("number"), LocalDate.parse(c.getString("validUntil"))))
                    .toList());
            zone.outline(ZoneGeometry.fromJson(z.getJsonObject("geometry")));
            if (!"ACTIVE".equals(z.getString("status"))) {
                zone.changeStatus(ZoneStatus.valueOf(z.getString("status")), z.getString("statusReason", "demo"), now);
            }
            em.persist(zone);
            zones.put(z.getString("ref"), zone);
        }
        Map<String, Product> products = new HashMap<>();
        for (JsonValue v : root.getJsonArray("products")) {
            JsonObject p = v.asJsonObject();
            Product product = new Product(coops.get(p.getString("coop")), Gtin.normalize(p.getString("gtin")), now);
            // a drawn illustration (no photographs ship), through the same checks and sizes as an upload
            String image = images.keep(
                    product.getId(),
                    DemoImages.illustration(p.getString("name"), p.getString("imageColour", "#e0e6d8")));
            product.describe(
                    p.getString("name"),
                    p.getString("description"),
                    p.getString("category"),
                    p.getString("unit"),
                    p.getJsonNumber("priceVnd").longValue(),
                    image,
                    now);
            if (p.containsKey("ocop") && !p.isNull("ocop")) {
                JsonObject o = p.getJsonObject("ocop");
                product.certifyOcop(
                        new OcopCertificate(
                                o.getInt("stars"),
                                OcopGroup.valueOf(o.getString("group")),
                                o.getInt("score"),
                                o.getString("decisionNumber"),
                                LocalDate.parse(o.getString("decisionDate")),
                                OcopLevel.valueOf(o.getString("level")),
                                o.getString("authority"),
                                null),
                        now);
            }
            em.persist(product);
            products.put(p.getString("ref"), product);
        }
        for (JsonValue v : root.getJsonArray("batches")) {
            JsonObject b = v.asJsonObject();
            Set<MaterialZone> batchZones = b.getJsonArray("zones").getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(s -> zones.get(s.getString()))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            Batch batch = new Batch(products.get(b.getString("product")), b.getString("lot"), batchZones, now);
            batch.record(
                    LocalDate.parse(b.getString("harvestDate")),
                    b.containsKey("expiryDate") ? LocalDate.parse(b.getString("expiryDate")) : null,
                    b.getJsonNumber("quantity").bigDecimalValue(),
                    b.getString("unit"));
            em.persist(batch);
            MaterialZone first = batchZones.iterator().next();
            for (JsonValue ev : b.getJsonArray("events")) {
                JsonObject e = ev.asJsonObject();
                BatchEvent event = batch.addEvent(
                        NewEvent.of(
                                        EventType.valueOf(e.getString("type")),
                                        LocalDate.parse(e.getString("date"))
                                                .atTime(LocalTime.of(7, 0))
                                                .atZone(FarmTime.ZONE)
                                                .toInstant(),
                                        "demo")
                                .zone(first)
                                .note(e.getString("note"))
                                .inputName(e.getString("inputName", null))
                                .dose(e.getString("dose", null))
                                .preHarvestIntervalDays(
                                        e.containsKey("preHarvestIntervalDays")
                                                ? e.getInt("preHarvestIntervalDays")
                                                : null)
                                .build(),
                        now);
                em.persist(event);
            }
        }
        String demoHash = vn.temso.platform.security.PasswordHasher.hash(DEMO_PASSWORD);
        for (JsonValue v : root.getJsonArray("users")) {
            JsonObject u = v.asJsonObject();
            Set<String> communes = u.containsKey("communes")
                    ? u.getJsonArray("communes").getValuesAs(jakarta.json.JsonString.class).stream()
                            .map(jakarta.json.JsonString::getString)
                            .collect(Collectors.toSet())
                    : Set.of();
            em.persist(UserAccount.withPasswordHash(
                    u.getString("username"),
                    u.getString("displayName"),
                    Role.valueOf(u.getString("role")),
                    u.containsKey("coop") ? coops.get(u.getString("coop")) : null,
                    communes,
                    demoHash,
                    now));
        }
        LOG.info(() -> "Demo data loaded: " + coops.size() + " cooperatives, " + zones.size() + " zones, "
                + products.size() + " products");
        return true;
    }

    private static JsonObject read() {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/registry.json");
                JsonReader reader = JSON.createReader(in)) {
            return reader.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
