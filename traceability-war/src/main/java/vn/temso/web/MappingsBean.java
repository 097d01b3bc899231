package vn.temso.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.MissingResourceException;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.feed.ColumnMapping;
import vn.temso.catalog.feed.FeedField;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.listing.control.ColumnMappings;
import vn.temso.platform.problem.ProblemException;

/**
 * The column layout of the Voso and Postmart CSV feeds (issue 18): rows of header and field, add and remove rows,
 * a preview of the cooperative's first feed rows, save, back to the default. Plain form posts, so it works without
 * JavaScript; the rows live in the view between posts. Managers edit their cooperative's layout; admins the
 * instance's or any cooperative's (?scope=); others read.
 */
@Named
@ViewScoped
public class MappingsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The ?scope= value of the instance-wide layout (admins). */
    public static final String INSTANCE = "instance";

    @Inject
    transient ColumnMappings mappings;

    @Inject
    transient Cooperatives cooperatives;

    @Inject
    UiSession session;

    /** One editable row; {@code error} is the message shown next to it after a refused preview or save. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private String header;
        private String field;
        private String error;

        Row(String header, String field) {
            this.header = header;
            this.field = field;
        }

        public String getHeader() {
            return header;
        }

        public void setHeader(String header) {
            this.header = header;
        }

        public String getField() {
            return field;
        }

        public void setField(String field) {
            this.field = field;
        }

        public String getError() {
            return error;
        }
    }

    /** A choice of the scope dropdown. */
    public record ScopeChoice(String value, String label) {}

    /** A field of the dropdown: its name and its words. */
    public record FieldChoice(String name, String label) {}

    /** The preview table. */
    public record PreviewTable(List<String> headers, List<List<String>> rows) implements Serializable {}

    private String channelName = Channel.VOSO_CSV.cliName();
    private String scope;
    private List<Row> rows = new ArrayList<>();
    private String source;
    private String mappingError;
    private PreviewTable preview;

    /** Reads the layout now in effect (on the page's GET). */
    public void load() {
        ColumnMappings.Effective e = Ui.attempt("mapping", () -> mappings.get(cooperativeId(), channel()));
        if (e != null) {
            rows = new ArrayList<>();
            e.mapping().columns().forEach(c -> rows.add(new Row(c.header(), c.field())));
            source = e.source().name();
        }
    }

    public void addRow() {
        clearErrors();
        rows.add(new Row("", FeedField.DESCRIPTION.jsonName()));
    }

    public void removeRow(int index) {
        clearErrors();
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
    }

    public void showPreview() {
        clearErrors();
        preview = null;
        ColumnMappings.Preview p = attempt(() -> mappings.preview(cooperativeId(), channel(), columns()));
        if (p != null) {
            preview = new PreviewTable(p.headers(), p.rows());
        }
    }

    public void save() {
        clearErrors();
        if (attempt(() -> mappings.save(cooperativeId(), channel(), columns())) != null) {
            Ui.info(Ui.text("mapping.saved"));
            Ui.redirect(here());
        }
    }

    public void reset() {
        clearErrors();
        if (attempt(() -> mappings.reset(cooperativeId(), channel())) != null) {
            Ui.info(Ui.text("mapping.resetDone"));
            Ui.redirect(here());
        }
    }

    /**
     * Runs a use case; a refused mapping puts each problem next to its row (the column's header) or above the table
     * (the whole mapping), worded from the rule's code.
     */
    private <T> T attempt(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (ProblemException e) {
            if (e.violations().isEmpty() || e.violations().stream().allMatch(v -> v.code() == null)) {
                Ui.report("mapping", e);
                return null;
            }
            for (ProblemException.Violation v : e.violations()) {
                String message = words(v);
                boolean blank = "header-blank".equals(v.code());
                Row row = rows.stream()
                        .filter(r -> r.error == null
                                && (blank
                                        ? r.header == null || r.header.isBlank()
                                        : v.field().equals(r.header)))
                        .findFirst()
                        .orElse(null);
                if (row != null) {
                    row.error = message;
                } else {
                    mappingError = mappingError == null ? message : mappingError + " " + message;
                }
            }
            FacesContext.getCurrentInstance().validationFailed();
            return null;
        }
    }

    private static String words(ProblemException.Violation v) {
        try {
            String text = Ui.text("mapping.rule." + v.code());
            // only patterns with an argument go through MessageFormat (it would eat the apostrophes of the others)
            return text.contains("{0}") ? MessageFormat.format(text, v.field()) : text;
        } catch (MissingResourceException e) {
            return v.message();
        }
    }

    private void clearErrors() {
        mappingError = null;
        rows.forEach(r -> r.error = null);
    }

    private List<ColumnMapping.Column> columns() {
        return rows.stream()
                .map(r -> new ColumnMapping.Column(r.header, r.field))
                .toList();
    }

    private String here() {
        return "/app/mappings.xhtml?channel=" + channelName
                + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8));
    }

    /** The cooperative addressed: the scope's for admins (null = the instance), the user's own otherwise. */
    private String cooperativeId() {
        return scope == null || scope.isBlank() || INSTANCE.equals(scope) ? null : scope;
    }

    private Channel channel() {
        for (Channel c : ColumnMappings.channels()) {
            if (c.cliName().equals(channelName)) {
                return c;
            }
        }
        return Channel.VOSO_CSV;
    }

    /** May the caller change the layout in this scope (managers their own, admins any)? */
    public boolean isEditable() {
        return ColumnMapping.editable(channel()) && session.isManager();
    }

    /** Whether a preview can be shown: it renders a cooperative's feed. */
    public boolean isPreviewable() {
        return !session.isAdmin() || cooperativeId() != null;
    }

    public List<Channel> getChannels() {
        return ColumnMappings.channels().stream()
                .filter(ColumnMapping::editable)
                .toList();
    }

    public List<FieldChoice> getFields() {
        return Arrays.stream(FeedField.values())
                .map(f -> new FieldChoice(
                        f.jsonName(), Ui.text("mapping.field." + f.jsonName()) + " (" + f.jsonName() + ")"))
                .toList();
    }

    /** For admins: the instance and every cooperative. */
    public List<ScopeChoice> getScopes() {
        List<ScopeChoice> out = new ArrayList<>();
        out.add(new ScopeChoice(INSTANCE, Ui.text("mapping.scope.instance")));
        for (Cooperative c : Lists.choices(r -> cooperatives.list(null, null, r))) {
            out.add(new ScopeChoice(c.getId(), c.getName()));
        }
        return out;
    }

    public String getSourceText() {
        return source == null ? "" : Ui.text("mapping.source." + source);
    }

    public Channel getChannel() {
        return channel();
    }

    public String getChannelName() {
        return channelName;
    }

    public void setChannelName(String channelName) {
        this.channelName = channelName == null || channelName.isBlank() ? Channel.VOSO_CSV.cliName() : channelName;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = Lists.blankToNull(scope);
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getMappingError() {
        return mappingError;
    }

    public PreviewTable getPreview() {
        return preview;
    }
}
