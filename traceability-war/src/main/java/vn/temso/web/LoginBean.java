package vn.temso.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import vn.temso.account.control.Accounts;
import vn.temso.account.control.SignIn;
import vn.temso.platform.persistence.StorageFaults;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.ClientAddress;

@Named
@RequestScoped
public class LoginBean {

    @Inject
    Accounts accounts;

    @Inject
    SignIn signIn;

    @Inject
    UiSession ui;

    private String username;
    private String password;
    private String next;
    private String newPassword;
    private String newPasswordAgain;

    public void signIn() {
        try {
            open(signIn.signIn(username, password, clientAddress()));
            Ui.redirect(
                    next != null && next.startsWith("/app/") && !next.startsWith("//") ? next : "/app/dashboard.xhtml");
        } catch (Problems.TooManyRequests e) {
            FacesContext.getCurrentInstance()
                    .addMessage(
                            null,
                            new FacesMessage(
                                    FacesMessage.SEVERITY_ERROR,
                                    Ui.text("login.throttled").replace("{0}", String.valueOf(e.retryAfterSeconds())),
                                    null));
        } catch (Problems.Unauthenticated e) {
            FacesContext.getCurrentInstance()
                    .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, Ui.text("login.failed"), null));
        } catch (RuntimeException e) {
            if (!StorageFaults.isStorageFault(e)) {
                throw e;
            }
            Ui.storageUnavailable(e);
        }
    }

    /** Keeps the page's session on the (new) bearer session of the user. */
    private void open(Accounts.SignedIn s) {
        var u = s.user();
        // a fresh session id on sign-in (session fixation)
        ((HttpServletRequest)
                        FacesContext.getCurrentInstance().getExternalContext().getRequest())
                .changeSessionId();
        ui.signedIn(
                s.token(),
                u.getUsername(),
                u.getDisplayName(),
                u.getRole(),
                u.getCooperative() == null ? null : u.getCooperative().getId(),
                u.getCooperative() == null ? null : u.getCooperative().getName());
    }

    private static String clientAddress() {
        return ClientAddress.of((HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    /**
     * Changes the signed-in user's own password (the page a temporary password leads to). Changing it ends every
     * session of theirs, this one too, so the page signs them in again with the new password.
     */
    public void changePassword() {
        String me = ui.getUsername();
        boolean changed = Ui.run("password", () -> {
            if (newPassword == null || !newPassword.equals(newPasswordAgain)) {
                throw new Problems.ValidationFailed("newPasswordAgain", Ui.text("password.mismatch"));
            }
            if (newPassword.length() < 10) {
                throw new Problems.ValidationFailed("newPassword", Ui.text("password.short"));
            }
            signIn.changeOwnPassword(password, newPassword, clientAddress());
        });
        if (changed && Ui.run("password", () -> open(signIn.signIn(me, newPassword, clientAddress())))) {
            Ui.info(Ui.text("password.changed"));
            Ui.redirect("/app/dashboard.xhtml");
        }
    }

    /** Did the user sign in with a temporary password (a reset), which they must change now? */
    public boolean isMustChange() {
        return accounts.me().isMustChangePassword();
    }

    public void signOut() {
        accounts.signOut(ui.getToken());
        ui.clear();
        ((HttpServletRequest)
                        FacesContext.getCurrentInstance().getExternalContext().getRequest())
                .getSession()
                .invalidate();
        Ui.redirect("/login.xhtml");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getNewPasswordAgain() {
        return newPasswordAgain;
    }

    public void setNewPasswordAgain(String newPasswordAgain) {
        this.newPasswordAgain = newPasswordAgain;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
