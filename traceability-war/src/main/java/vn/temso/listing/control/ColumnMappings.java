package vn.temso.listing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import vn.temso.audit.control.AuditLog;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.feed.ColumnMapping;
import vn.temso.catalog.feed.InvalidMappingException;
import vn.temso.catalog.feed.MappingProblem;
import vn.temso.catalog.feed.MappingRule;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.listing.entity.SavedMapping;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.Role;
import vn.temso.platform.security.Tenancy;

/**
 * Use cases on the column layouts of the CSV channels whose layout is ours to choose (Voso, Postmart): the effective
 * mapping of a cooperative (its own, else the instance's, else the bundled default), saving and resetting one at
 * either level, and a preview of a cooperative's first feed rows with a proposed mapping. The rules are
 * catalog-sync's ({@link ColumnMapping#check}), so the CLI and the service refuse the same mappings. Saving marks the
 * affected feeds dirty: the next sync round writes them in the new layout.
 *
 * <p>Scope: {@code cooperativeId} names a cooperative (read by whoever may read it, changed by its managers and
 * admins; another cooperative's is 404 like an unknown id). Without it, a cooperative's user addresses their own
 * cooperative, anyone else the instance-wide mapping, which only admins change.
 */
@ApplicationScoped
@Transactional
public class ColumnMappings {

    /** How many rows a preview shows. */
    public static final int PREVIEW_ROWS = 5;

    @PersistenceContext
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    CurrentCaller current;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Feeds feeds;

    @Inject
    FeedRegenerator regenerator;

    /** Where a layout comes from. */
    public enum Source {
        /** The bundled guess of catalog-sync (no public layout was found for Voso or Postmart). */
        BUILTIN,
        /** The instance-wide mapping an admin saved. */
        INSTANCE,
        /** The cooperative's own mapping. */
        COOPERATIVE,
        /** Google's and Meta's layouts: fixed by their specifications, not editable. */
        FIXED
    }

    /** The layout a channel has in a scope, where it comes from, and who saved it (null for the built-in ones). */
    public record Effective(
            Channel channel,
            Source source,
            String cooperativeId,
            ColumnMapping mapping,
            java.time.Instant updatedAt,
            String updatedBy) {

        public boolean editable() {
            return ColumnMapping.editable(channel);
        }
    }

    /** A preview: the headers, the first rows as text, and the CSV file's text (without its byte order mark). */
    public record Preview(
            Channel channel, String cooperativeId, List<String> headers, List<List<String>> rows, String csv) {}

    /** The delimited channels whose layout a person may look at, editable ones first. */
    public static List<Channel> channels() {
        return List.of(Channel.VOSO_CSV, Channel.POSTMART_CSV, Channel.GOOGLE_TSV, Channel.META_CSV);
    }

    /** Every delimited channel's layout in the addressed scope. */
    public List<Effective> list(String cooperativeId) {
        String coop = scope(cooperativeId, false);
        return channels().stream().map(c -> effective(coop, c)).toList();
    }

    /** One channel's layout in the addressed scope. */
    public Effective get(String cooperativeId, Channel channel) {
        return effective(scope(cooperativeId, false), delimited(channel));
    }

    /** Saves a mapping for the addressed scope; 400 naming each broken rule. Marks the affected feeds dirty. */
    public Effective save(String cooperativeId, Channel channel, List<ColumnMapping.Column> columns) {
        String coop = scope(cooperativeId, true);
        ColumnMapping mapping = validated(channel, columns);
        Caller caller = current.require();
        SavedMapping saved = em.find(SavedMapping.class, SavedMapping.idOf(coop, channel));
        if (saved == null) {
            saved = new SavedMapping(coop, channel, mapping, caller.username(), clock.instant());
            em.persist(saved);
        } else {
            saved.replace(mapping, caller.username(), clock.instant());
        }
        audit.record(
                tenant(coop),
                "update",
                "column-mapping",
                SavedMapping.scopeOf(coop), // the audit's entity id holds a UUID; the channel is in the summary
                channel.cliName() + ": " + String.join(" | ", mapping.headers()));
        feedsChanged(coop, channel);
        return effective(coop, channel);
    }

    /** Removes the addressed scope's mapping (back to the instance's or the built-in layout); idempotent. */
    public Effective reset(String cooperativeId, Channel channel) {
        String coop = scope(cooperativeId, true);
        if (!ColumnMapping.editable(channel)) {
            throw problem(ColumnMapping.check(channel, List.of()));
        }
        SavedMapping saved = em.find(SavedMapping.class, SavedMapping.idOf(coop, channel));
        if (saved != null) {
            em.remove(saved);
            audit.record(
                    tenant(coop),
                    "delete",
                    "column-mapping",
                    SavedMapping.scopeOf(coop),
                    channel.cliName() + ": default");
            feedsChanged(coop, channel);
        }
        return effective(coop, channel);
    }

    /** The first rows of the cooperative's feed written with the proposed mapping; nothing is saved. */
    public Preview preview(String cooperativeId, Channel channel, List<ColumnMapping.Column> columns) {
        String coop = scope(cooperativeId, false);
        if (coop == null) {
            throw new Problems.ValidationFailed(
                    "cooperativeId", "a preview shows a cooperative's feed: give cooperativeId");
        }
        ColumnMapping mapping = validated(channel, columns);
        String csv = new String(regenerator.preview(coop, channel, mapping, PREVIEW_ROWS), StandardCharsets.UTF_8);
        if (csv.startsWith("\uFEFF")) {
            csv = csv.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser p = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .build()
                .parse(new StringReader(csv))) {
            for (CSVRecord r : p) {
                rows.add(r.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Preview(channel, coop, mapping.headers(), rows, csv);
    }

    /** The catalog-sync problems as one 400: field = the column's header (or "mapping", "channel"), code = the rule. */
    static ProblemException problem(List<MappingProblem> problems) {
        List<ProblemException.Violation> violations = problems.stream()
                .map(p -> new ProblemException.Violation(
                        p.header() != null && !p.header().isEmpty()
                                ? p.header()
                                : p.rule() == MappingRule.FIXED_LAYOUT ? "channel" : "mapping",
                        p.message(),
                        p.rule().code()))
                .toList();
        return new Problems.ValidationFailed(
                violations.size() == 1
                        ? violations.get(0).message()
                        : violations.size() + " rules of the mapping are broken",
                violations);
    }

    private static ColumnMapping validated(Channel channel, List<ColumnMapping.Column> columns) {
        try {
            return ColumnMapping.validated(channel, columns == null ? List.of() : columns);
        } catch (InvalidMappingException e) {
            throw problem(e.problems());
        }
    }

    private Effective effective(String coop, Channel channel) {
        if (!ColumnMapping.editable(channel)) {
            return new Effective(channel, Source.FIXED, coop, ColumnMapping.defaultFor(channel), null, null);
        }
        List<SavedMapping> saved = feeds.savedMappings(coop, channel);
        if (saved.isEmpty()) {
            return new Effective(channel, Source.BUILTIN, coop, ColumnMapping.defaultFor(channel), null, null);
        }
        SavedMapping m = saved.get(0);
        return new Effective(
                channel,
                m.isInstanceWide() ? Source.INSTANCE : Source.COOPERATIVE,
                coop,
                Feeds.parse(m),
                m.getUpdatedAt(),
                m.getUpdatedBy());
    }

    /**
     * The cooperative id the request addresses, or null for the instance. 404 for a cooperative the caller may not
     * read; 403 for a change the caller's role may not make.
     */
    private String scope(String cooperativeId, boolean change) {
        Caller caller = current.require();
        String id = cooperativeId == null || cooperativeId.isBlank()
                ? caller.is(Role.COOP_MANAGER, Role.COOP_MEMBER) ? caller.cooperativeId() : null
                : cooperativeId.strip();
        if (id == null) {
            if (change && !caller.is(Role.ADMIN)) {
                throw new Problems.Forbidden("Only an administrator changes the instance-wide column mappings");
            }
            return null;
        }
        Cooperative coop = tenancy.readable(Cooperative.class, id, "Cooperative", c -> c);
        if (change) {
            tenancy.requireManage(coop);
        }
        return coop.getId();
    }

    private Cooperative tenant(String coop) {
        return coop == null ? null : em.find(Cooperative.class, coop);
    }

    /** The cooperative's feed of the channel, or every cooperative's for an instance-wide change. */
    private void feedsChanged(String coop, Channel channel) {
        var update = em.createQuery("UPDATE ListingFeed f SET f.generation = f.generation + 1 WHERE f.channel = :ch"
                        + (coop == null ? "" : " AND f.cooperativeId = :coop"))
                .setParameter("ch", channel);
        if (coop != null) {
            update.setParameter("coop", coop);
        }
        update.executeUpdate();
    }

    private static Channel delimited(Channel channel) {
        if (!channels().contains(channel)) {
            throw new Problems.ValidationFailed(
                    "channel",
                    "column layouts exist for "
                            + String.join(
                                    ", ",
                                    channels().stream().map(Channel::cliName).toList())
                            + "; " + channel.cliName() + " is not a spreadsheet feed");
        }
        return channel;
    }
}
