package vn.temso.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import vn.temso.cooperative.control.CooperativeCommand;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.security.CurrentCaller;

/**
 * The consent to the commune and province catalogue: admins set it for any cooperative on the cooperatives page,
 * managers for their own on the marketplace page. Through the same use case as the API (audited).
 */
@Named
@RequestScoped
public class AreaConsentBean {

    @Inject
    Cooperatives cooperatives;

    @Inject
    CurrentCaller current;

    private String cooperativeId;
    private boolean consent;

    @PostConstruct
    void ownCooperative() {
        var caller = current.get();
        if (caller.isPresent() && caller.get().cooperativeId() != null) {
            cooperativeId = caller.get().cooperativeId();
            consent = cooperatives.readable(cooperativeId).isCatalogConsent();
        }
    }

    /** Saves the consent of the chosen cooperative (a manager's own), keeping its other details. */
    public void save(String backTo) {
        if (Ui.run("consent", () -> {
            Cooperative c = cooperatives.readable(cooperativeId);
            cooperatives.update(
                    cooperativeId,
                    new CooperativeCommand(
                            c.getName(),
                            c.getKind(),
                            c.getTaxId(),
                            c.getGln(),
                            c.getAddress(),
                            c.getCommune(),
                            c.getDistrict(),
                            c.getProvince(),
                            c.getPhone(),
                            c.getEmail(),
                            c.getRepresentative(),
                            consent));
        })) {
            Ui.redirect(backTo);
        }
    }

    public String getCooperativeId() {
        return cooperativeId;
    }

    public void setCooperativeId(String cooperativeId) {
        this.cooperativeId = cooperativeId;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }
}
