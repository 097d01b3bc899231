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

    public void signIn() {
        try {
            var s = signIn.signIn(username, password, ClientAddress.of((HttpServletRequest)
                    FacesContext.getCurrentInstance().getExternalContext().getRequest()));
            var u = s.user();
            // a fresh session id on sign-in (session fixation)
            ((HttpServletRequest) FacesContext.getCurrentInstance()
                            .getExternalContext()
                            .getRequest())
                    .changeSessionId();
            ui.signedIn(
                    s.token(),
                    u.getUsername(),
                    u.getDisplayName(),
                    u.getRole(),
                    u.getCooperative() == null ? null : u.getCooperative().getId(),
                    u.getCooperative() == null ? null : u.getCooperative().getName());
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

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
