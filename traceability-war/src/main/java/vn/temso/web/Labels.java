package vn.temso.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.batch.entity.EventType;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.model.Availability;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.platform.outbox.OutboxStatus;
import vn.temso.platform.security.Role;
import vn.temso.platform.time.FarmTime;
import vn.temso.printing.entity.PrintJob;
import vn.temso.product.boundary.ProductView;
import vn.temso.product.entity.OcopGroup;
import vn.temso.product.entity.OcopLevel;
import vn.temso.stamping.entity.IssuanceJob;
import vn.temso.stamping.entity.SigningKeyRecord;
import vn.temso.stamping.entity.Stamp;
import vn.temso.stats.control.Alert;
import vn.temso.trace.entity.BuyerReport;
import vn.temso.zone.entity.ZoneStatus;

/**
 * How the pages word codes, dates and numbers ({@code #{labels.of('ZoneStatus', z.status)}}, {@code
 * #{labels.date(b.harvestDate)}}, {@code #{labels.number(z.declaredAreaHa)}}): the one place for it, so no page
 * shows a code (ACTIVE, GOOGLE_XML) or picks its own pattern. A code's words are the key {@code
 * enum.<Type>.<CONSTANT>} of the UI's message bundles ({@code Type} is the enum's name inside its package, e.g.
 * {@code Stamp.Status}). The REST API keeps its codes: this is for pages only.
 */
@Named
@ApplicationScoped
public class Labels {

    private static final Logger LOG = Logger.getLogger(Labels.class.getName());

    /** Every enum whose constants pages show; LabelsTest checks each constant has words in vi and en. */
    public static final List<Class<? extends Enum<?>>> ENUMS = List.of(
            Role.class,
            ZoneStatus.class,
            BatchStatus.class,
            EventType.class,
            Stamp.Status.class,
            IssuanceJob.Status.class,
            PrintJob.Status.class,
            SigningKeyRecord.Status.class,
            BuyerReport.Kind.class,
            Channel.class,
            Availability.class,
            OutboxStatus.class,
            CooperativeKind.class,
            OcopLevel.class,
            ProductView.OcopStatus.class,
            OcopGroup.class,
            Alert.class);

    private static final Map<String, Class<? extends Enum<?>>> BY_TYPE =
            ENUMS.stream().collect(Collectors.toUnmodifiableMap(Labels::type, Function.identity()));

    private static final Pattern NETWORKS = Pattern.compile("scanned from more than (\\d+) networks on (\\d+)\\+ days");
    private static final Pattern LATE_NETWORKS =
            Pattern.compile("scanned from more than (\\d+) new networks (\\d+)\\+ days after the first scan");

    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter VI_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter EN_DATE_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    /** An enum's name inside its package: {@code ZoneStatus}, {@code Stamp.Status}. */
    public static String type(Class<?> e) {
        return e.getName().substring(e.getPackageName().length() + 1).replace('$', '.');
    }

    /** The key of one constant's words. */
    public static String key(Class<?> e, String constant) {
        return "enum." + type(e) + "." + constant;
    }

    /**
     * The words for {@code code} (an enum constant or its name, as the views shared with the API carry it) of the
     * labelled enum {@code type}; empty for none. A code without words (LabelsTest prevents it) shows as itself.
     */
    public String of(String type, Object code) {
        if (code == null || code.toString().isEmpty()) {
            return "";
        }
        Class<? extends Enum<?>> e = BY_TYPE.get(type);
        if (e == null) {
            throw new IllegalArgumentException("not a labelled enum: " + type + " (see Labels.ENUMS)");
        }
        String name = code instanceof Enum<?> c ? c.name() : code.toString();
        try {
            return Ui.text(key(e, name));
        } catch (MissingResourceException missing) {
            LOG.warning("No words for " + key(e, name));
            return name;
        }
    }

    /**
     * Why a stamp is on the staff's suspicious list, in words. The flag is stored as the trace rules wrote it
     * ({@code CloneRules.Decision#flag}: "scanned after void", "scanned from more than 6 networks on 2+ days"...):
     * the known forms are worded with their figures, an older or unknown one as a plain "suspected copy".
     */
    public String suspicion(String flag) {
        if (flag == null || flag.isBlank()) {
            return "";
        }
        if ("scanned after void".equals(flag)) {
            return Ui.text("suspicion.void");
        }
        if ("scanned after recall".equals(flag)) {
            return Ui.text("suspicion.recall");
        }
        Matcher m = NETWORKS.matcher(flag);
        if (m.matches()) {
            return MessageFormat.format(Ui.text("suspicion.networks"), m.group(1), m.group(2));
        }
        m = LATE_NETWORKS.matcher(flag);
        if (m.matches()) {
            return MessageFormat.format(Ui.text("suspicion.late"), m.group(1), m.group(2));
        }
        return Ui.text("suspicion.other");
    }

    /** A day: dd/MM/yyyy in Vietnamese. */
    public String date(TemporalAccessor day) {
        if (day == null) {
            return "";
        }
        LocalDate d = day instanceof Instant i ? FarmTime.dateOf(i) : LocalDate.from(day);
        return d.format(vietnamese() ? VI_DATE : EN_DATE);
    }

    /** A moment as a Vietnamese wall clock shows it: dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh. */
    public String dateTime(Instant at) {
        if (at == null) {
            return "";
        }
        return at.atZone(FarmTime.ZONE).format(vietnamese() ? VI_DATE_TIME : EN_DATE_TIME);
    }

    /** A number with the page language's separators (1.234,5 in Vietnamese), up to 4 decimals, no trailing zeros. */
    public String number(Number n) {
        if (n == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMaximumFractionDigits(4);
        return f.format(n instanceof BigDecimal b ? b : n);
    }

    private static boolean vietnamese() {
        return "vi".equals(locale().getLanguage());
    }

    private static Locale locale() {
        FacesContext fc = FacesContext.getCurrentInstance();
        return fc == null || fc.getViewRoot() == null
                ? Locale.forLanguageTag("vi")
                : fc.getViewRoot().getLocale();
    }
}
