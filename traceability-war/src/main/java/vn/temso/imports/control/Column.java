package vn.temso.imports.control;

import java.util.Locale;

/**
 * One column of an import sheet: its Vietnamese and English header (either is accepted), the note shown on the
 * template's header cell, and the request field it fills (so a rule broken on that field is reported on this column).
 */
public record Column(String key, String field, String vi, String en, boolean required, String noteVi, String noteEn) {

    public String header(Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : vi;
    }

    public String note(Locale locale) {
        return "en".equals(locale.getLanguage()) ? noteEn : noteVi;
    }

    static Column req(String key, String field, String vi, String en, String noteVi, String noteEn) {
        return new Column(key, field, vi, en, true, noteVi, noteEn);
    }

    static Column opt(String key, String field, String vi, String en, String noteVi, String noteEn) {
        return new Column(key, field, vi, en, false, noteVi, noteEn);
    }
}
