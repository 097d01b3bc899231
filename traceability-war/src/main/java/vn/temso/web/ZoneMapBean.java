package vn.temso.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import vn.temso.cooperative.boundary.CooperativeView;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Params;
import vn.temso.zone.control.ZoneMap;
import vn.temso.zone.control.ZoneMapSvg;

/**
 * The map page: the zones the signed-in user may see, drawn inline (the same SVG as {@code /api/zones/map.svg},
 * written by an XML writer that escapes every user text), with the legend, the zones without an outline and a
 * table of all of them as HTML beside it. {@code ?by=status|crop}, {@code ?cooperativeId=}.
 */
@Named
@RequestScoped
public class ZoneMapBean {

    @Inject
    ZoneMap map;

    @Inject
    Cooperatives cooperatives;

    @Inject
    UiSession ui;

    private ZoneMapSvg.Drawing drawing;

    public String getBy() {
        return colouring().name().toLowerCase(Locale.ROOT);
    }

    public String getCooperativeId() {
        String c = Ui.param("cooperativeId");
        return c == null || c.isBlank() ? null : c.strip();
    }

    public ZoneMapSvg.Drawing getDrawing() {
        if (drawing == null) {
            drawing = map.draw(
                    colouring(),
                    getCooperativeId(),
                    Ui::text,
                    ui.getLocaleObject(),
                    FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                            + "/app/zone.xhtml?id=",
                    false);
        }
        return drawing;
    }

    /** The cooperatives to pick from, for users who see more than one. */
    public List<CooperativeView> getCooperatives() {
        if (ui.isCoopUser()) {
            return List.of();
        }
        return Lists.choices(r -> cooperatives.list(null, null, r)).stream()
                .map(CooperativeView::of)
                .toList();
    }

    private ZoneMapSvg.Colouring colouring() {
        try {
            ZoneMapSvg.Colouring c = Params.enumOf(ZoneMapSvg.Colouring.class, "by", Ui.param("by"));
            return c == null ? ZoneMapSvg.Colouring.STATUS : c;
        } catch (Problems.ValidationFailed e) { // a hand-edited ?by=: the default map rather than an error page
            return ZoneMapSvg.Colouring.STATUS;
        }
    }
}
