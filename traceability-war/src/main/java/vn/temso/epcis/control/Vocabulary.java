package vn.temso.epcis.control;

import java.util.Locale;

/**
 * CBV values may be written bare ({@code shipping}), as URN ({@code urn:epcglobal:cbv:bizstep:shipping}) or as
 * Web URI ({@code https://ref.gs1.org/cbv/BizStep-shipping}); Temso stores them bare, as its documents write them.
 */
final class Vocabulary {

    private Vocabulary() {}

    static String bizStep(String value) {
        return bare(value, "urn:epcglobal:cbv:bizstep:", "BizStep-");
    }

    static String disposition(String value) {
        return bare(value, "urn:epcglobal:cbv:disp:", "Disp-");
    }

    private static String bare(String value, String urn, String webPrefix) {
        String v = value.strip();
        if (v.toLowerCase(Locale.ROOT).startsWith(urn)) {
            return v.substring(urn.length());
        }
        for (String web : new String[] {"https://ref.gs1.org/cbv/", "https://gs1.org/voc/", "cbv:"}) {
            if (v.startsWith(web + webPrefix)) {
                return v.substring(web.length() + webPrefix.length());
            }
        }
        return v;
    }
}
