package vn.temso.label.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One label on a roll for a thermal (ZPL) printer.
 *
 * @param name     short name used in messages
 * @param widthMm  label width across the print head
 * @param heightMm label length along the roll
 * @param dpi      print-head resolution: 203, 300 or 600 dots per inch
 */
public record ThermalTemplate(String name, double widthMm, double heightMm, int dpi) {

    /** Print-head resolutions Zebra-compatible printers ship with. */
    public static final Set<Integer> SUPPORTED_DPI = Set.of(203, 300, 600);

    public ThermalTemplate {
        name = name == null || name.isBlank() ? "custom" : name.strip();
        List<String> problems = new ArrayList<>();
        if (!(widthMm > 0) || Double.isInfinite(widthMm)) {
            problems.add("widthMm must be a positive number of millimetres, not " + widthMm);
        }
        if (!(heightMm > 0) || Double.isInfinite(heightMm)) {
            problems.add("heightMm must be a positive number of millimetres, not " + heightMm);
        }
        if (!SUPPORTED_DPI.contains(dpi)) {
            problems.add("dpi must be 203, 300 or 600, not " + dpi);
        }
        if (!problems.isEmpty()) {
            throw new InvalidTemplateException("thermal template '" + name + "' is invalid: "
                    + String.join("; ", problems));
        }
    }

    /** The label of a sheet template printed one at a time on a roll of the same label size. */
    public static ThermalTemplate of(SheetTemplate sheet, int dpi) {
        return new ThermalTemplate(sheet.name(), sheet.labelWidthMm(), sheet.labelHeightMm(), dpi);
    }

    /** Same label at another resolution. */
    public ThermalTemplate withDpi(int newDpi) {
        return new ThermalTemplate(name, widthMm, heightMm, newDpi);
    }

    /** Label width in printer dots (what {@code ^PW} takes). */
    public int widthDots() {
        return (int) Math.floor(widthMm / 25.4 * dpi);
    }

    /** Label length in printer dots (what {@code ^LL} takes). */
    public int heightDots() {
        return (int) Math.floor(heightMm / 25.4 * dpi);
    }
}
