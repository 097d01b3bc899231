package vn.temso.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import vn.temso.platform.security.Role;

/**
 * The web UI's sign-in state. It holds the same server-side session token the API uses, so sign-out, expiry
 * and disabled users apply to pages and API alike; the HTTP session (30 min idle timeout) only carries it.
 */
@Named
@SessionScoped
public class UiSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private String token;
    private String username;
    private String displayName;
    private Role role;
    private String cooperativeId;
    private String cooperativeName;
    private String locale = "vi";

    void signedIn(
            String token,
            String username,
            String displayName,
            Role role,
            String cooperativeId,
            String cooperativeName) {
        this.token = token;
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.cooperativeId = cooperativeId;
        this.cooperativeName = cooperativeName;
    }

    void clear() {
        token = null;
        username = null;
        role = null;
        cooperativeId = null;
        cooperativeName = null;
    }

    public boolean isSignedIn() {
        return token != null;
    }

    public String getToken() {
        return token;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName == null ? username : displayName;
    }

    public Role getRole() {
        return role;
    }

    public String getCooperativeId() {
        return cooperativeId;
    }

    public String getCooperativeName() {
        return cooperativeName;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isStaff() {
        return role == Role.COMMUNE_STAFF;
    }

    public boolean isManager() {
        return role == Role.COOP_MANAGER || role == Role.ADMIN;
    }

    /** A community digital team member: enters zones and diary entries for the cooperatives of their communes. */
    public boolean isDigitalTeam() {
        return role == Role.DIGITAL_TEAM;
    }

    /** May enter zones (the forms show): admins, managers, digital teams ({@code Caller.canEnterFor}). */
    public boolean isEnterer() {
        return isManager() || isDigitalTeam();
    }

    /** May write the farm diary of a batch they see ({@code Caller.canRecordDiary}). */
    public boolean isDiaryWriter() {
        return isCoopUser() || isAdmin() || isDigitalTeam();
    }

    public boolean isCoopUser() {
        return role == Role.COOP_MANAGER || role == Role.COOP_MEMBER;
    }

    public String getLocale() {
        return locale;
    }

    public Locale getLocaleObject() {
        return Locale.forLanguageTag(locale);
    }

    /** The current page in the other language, keeping its query (e.g. the record being edited). */
    public String getOtherLanguageHref() {
        var ctx = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
        var req = (jakarta.servlet.http.HttpServletRequest) ctx.getRequest();
        String query = req.getQueryString() == null
                ? ""
                : req.getQueryString().replaceAll("(^|&)lang=[^&]*", "").replaceAll("^&", "");
        return req.getRequestURI() + "?" + (query.isEmpty() ? "" : query + "&") + "lang="
                + ("en".equals(locale) ? "vi" : "en");
    }

    public void setLocale(String locale) {
        this.locale = "en".equals(locale) ? "en" : "vi";
    }
}
