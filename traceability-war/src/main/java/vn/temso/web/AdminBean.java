package vn.temso.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import vn.temso.account.boundary.UserView;
import vn.temso.account.control.Accounts;
import vn.temso.account.control.RoleGrants;
import vn.temso.cooperative.boundary.CooperativeRequest;
import vn.temso.cooperative.boundary.CooperativeView;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.cooperative.entity.CooperativeKind;
import vn.temso.platform.rest.Page;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.Role;
import vn.temso.stamping.boundary.StampsResource;
import vn.temso.stamping.control.StampKeys;
import vn.temso.trace.boundary.ReportsResource;
import vn.temso.trace.entity.BuyerReport;

/** Cooperatives, users, signing keys and the buyer-report inbox. */
@Named
@RequestScoped
public class AdminBean {

    @Inject
    Cooperatives cooperatives;

    @Inject
    Accounts accounts;

    @Inject
    StampKeys keys;

    @Inject
    CurrentCaller current;

    @Inject
    ReportsResource reports;

    private String name;
    private CooperativeKind kind = CooperativeKind.COOPERATIVE;
    private String taxId;
    private String gln;
    private String address;
    private String commune;
    private String username;
    private String displayName;
    private Role role = Role.COOP_MEMBER;
    private String cooperativeId;
    private String communes;
    private String password;
    private String q;
    private String state;
    private int page;
    private Page<UserView> users;
    private Page<CooperativeView> cooperativeRows;
    private Page<ReportsResource.ReportView> reportRows;
    private BuyerReport.Kind reportKind;
    private UserView selected;
    private Role newRole;
    private String temporaryPassword;

    public List<CooperativeView> getCooperatives() {
        return Lists.choices(r -> cooperatives.list(null, null, r)).stream()
                .map(CooperativeView::of)
                .toList();
    }

    /** This page of the cooperative list, by the page's filters (?q=, ?page=). */
    public Page<CooperativeView> getCooperativeRows() {
        if (cooperativeRows == null) {
            var p = cooperatives.list(q, null, Lists.request(page));
            cooperativeRows =
                    new Page<>(p.items().stream().map(CooperativeView::of).toList(), p.page(), p.size(), p.total());
        }
        return cooperativeRows;
    }

    public void createCooperative() {
        if (Ui.run("coop", () -> {
            CooperativeRequest r = new CooperativeRequest(
                    name, kind, taxId, gln, address, commune, null, null, null, null, null, null);
            Validation.check(r);
            cooperatives.create(r.toCommand());
        })) {
            Ui.redirect("/app/cooperatives.xhtml");
        }
    }

    /**
     * Sets the tax id and GLN of the chosen cooperative (what national-portal records name the producer by), keeping
     * its other details as they are.
     */
    public void identifyCooperative() {
        if (Ui.run("ids", () -> {
            CooperativeView c = CooperativeView.of(cooperatives.readable(cooperativeId));
            CooperativeRequest r = new CooperativeRequest(
                    c.name(),
                    c.kind(),
                    taxId,
                    gln,
                    c.address(),
                    c.commune(),
                    c.district(),
                    c.province(),
                    c.phone(),
                    c.email(),
                    c.representative(),
                    null);
            Validation.check(r);
            cooperatives.update(cooperativeId, r.toCommand());
        })) {
            Ui.redirect("/app/cooperatives.xhtml");
        }
    }

    /** This page of the users list, by the page's filters (?q=, ?state=enabled|disabled, ?page=). */
    public Page<UserView> getUsers() {
        if (users == null) {
            Boolean enabled = "enabled".equals(state) ? Boolean.TRUE : "disabled".equals(state) ? Boolean.FALSE : null;
            var p = accounts.page(q, enabled, Lists.request(page));
            users = new Page<>(p.items().stream().map(UserView::of).toList(), p.page(), p.size(), p.total());
        }
        return users;
    }

    /** The user a confirmation is shown for (?user=), or null. */
    public UserView getSelected() {
        String id = getSelectedId();
        if (selected == null && id != null) {
            selected = Ui.attempt("userlist", () -> UserView.of(accounts.manageable(id)));
        }
        return selected;
    }

    /** The roles the signed-in user may give ({@link RoleGrants}), in the enum's order. */
    public List<Role> getGrantableRoles() {
        return RoleGrants.grantable(current.require()).stream().sorted().toList();
    }

    /** Gives the chosen user the role picked on the page (API: POST /api/users/{id}/role). */
    public void changeRole() {
        if (Ui.run("confirm", () -> accounts.changeRole(getSelectedId(), newRole, null, null))) {
            Ui.info(Ui.text("user.roleChanged"));
            Ui.redirect("/app/users.xhtml");
        }
    }

    /**
     * Resets the chosen user's password and shows the temporary password in this response only (no redirect: it is
     * kept in no session or flash scope).
     */
    public void resetPassword() {
        var reset = Ui.attempt("confirm", () -> accounts.resetPassword(getSelectedId()));
        if (reset != null) {
            temporaryPassword = reset.temporaryPassword();
            selected = UserView.of(reset.user());
        }
    }

    public void createUser() {
        if (Ui.run("user", () -> {
            if (password == null || password.length() < 10) {
                throw new vn.temso.platform.problem.Problems.ValidationFailed("password", "use at least 10 characters");
            }
            accounts.create(
                    username,
                    displayName,
                    role,
                    cooperativeId == null || cooperativeId.isBlank() ? null : cooperativeId,
                    communes == null
                            ? java.util.Set.of()
                            : new LinkedHashSet<>(Arrays.stream(communes.split(","))
                                    .map(String::strip)
                                    .filter(s -> !s.isEmpty())
                                    .toList()),
                    password);
        })) {
            Ui.redirect("/app/users.xhtml");
        }
    }

    /** Disabling ends the user's sessions at once (API: POST /api/users/{id}/disable). */
    public void disableUser() {
        if (Ui.run("confirm", () -> accounts.setEnabled(getSelectedId(), false))) {
            Ui.redirect("/app/users.xhtml");
        }
    }

    public void enableUser() {
        if (Ui.run("confirm", () -> accounts.setEnabled(getSelectedId(), true))) {
            Ui.redirect("/app/users.xhtml");
        }
    }

    public List<StampsResource.KeyView> getKeys() {
        current.requireRole(Role.ADMIN);
        return keys.all().stream()
                .map(k -> new StampsResource.KeyView(
                        k.getKid(), k.getStatus().name(), k.getCreatedAt(), k.getRetiredAt(), k.getRevokedAt()))
                .toList();
    }

    public void rotate() {
        if (Ui.run("keys", () -> {
            current.requireRole(Role.ADMIN);
            keys.rotate();
        })) {
            Ui.redirect("/app/keys.xhtml");
        }
    }

    public void revoke(String kid) {
        if (Ui.run("keys", () -> {
            current.requireRole(Role.ADMIN);
            keys.revoke(kid);
        })) {
            Ui.redirect("/app/keys.xhtml");
        }
    }

    /** This page of the buyer reports, newest first, by the page's filters (?q=, ?kind=, ?page=). */
    public Page<ReportsResource.ReportView> getReports() {
        if (reportRows == null) {
            reportRows = reports.list(
                    q,
                    reportKind == null ? null : reportKind.name(),
                    Integer.toString(Lists.request(page).page()),
                    Integer.toString(Lists.PAGE_SIZE));
        }
        return reportRows;
    }

    public BuyerReport.Kind[] getReportKinds() {
        return BuyerReport.Kind.values();
    }

    public BuyerReport.Kind getReportKind() {
        return reportKind;
    }

    public void setReportKind(BuyerReport.Kind reportKind) {
        this.reportKind = reportKind;
    }

    public CooperativeKind[] getKinds() {
        return CooperativeKind.values();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    /**
     * The user a confirmation is for: {@code ?user=} of the link that opened it, then the hidden field of its form
     * (read from the request itself, so the form is known to be there when its button is decoded).
     */
    public String getSelectedId() {
        return Lists.blankToNull(Ui.param("user"));
    }

    /** What the confirmation is for: role, reset, disable or enable ({@code ?do=}, then the form's hidden field). */
    public String getAction() {
        return Lists.blankToNull(Ui.param("do"));
    }

    public Role getNewRole() {
        return newRole;
    }

    public void setNewRole(Role newRole) {
        this.newRole = newRole;
    }

    /** Set only in the response to a reset: shown once, kept nowhere. */
    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public CooperativeKind getKind() {
        return kind;
    }

    public void setKind(CooperativeKind kind) {
        this.kind = kind;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public String getGln() {
        return gln;
    }

    public void setGln(String gln) {
        this.gln = gln;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getCommune() {
        return commune;
    }

    public void setCommune(String commune) {
        this.commune = commune;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getCooperativeId() {
        return cooperativeId;
    }

    public void setCooperativeId(String cooperativeId) {
        this.cooperativeId = cooperativeId;
    }

    public String getCommunes() {
        return communes;
    }

    public void setCommunes(String communes) {
        this.communes = communes;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
