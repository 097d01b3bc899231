package vn.temso.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import vn.temso.platform.domain.DomainException;
import vn.temso.platform.persistence.StorageFaults;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.problem.ProblemMappers;
import vn.temso.platform.problem.Problems;

/** Runs a use case from a page and turns its problems into messages next to the fields they concern. */
public final class Ui {

    private static final Logger LOG = Logger.getLogger(Ui.class.getName());

    private Ui() {}

    /** @return the result, or null when the use case refused (messages are queued for the page) */
    public static <T> T attempt(String formId, Supplier<T> action) {
        try {
            return action.get();
        } catch (ProblemException e) {
            report(formId, e);
            return null;
        } catch (DomainException e) {
            report(formId, ProblemMappers.problem(e));
            return null;
        } catch (RuntimeException e) {
            if (!StorageFaults.isStorageFault(e)) {
                throw e;
            }
            storageUnavailable(e);
            return null;
        }
    }

    /**
     * The database cannot be reached or written: the page is shown again with what was typed and a message to try
     * again, answered 503 like the API (not the error page: the form's input would be lost).
     */
    public static void storageUnavailable(RuntimeException e) {
        LOG.warning("Storage unavailable for a page action: " + e);
        FacesContext fc = FacesContext.getCurrentInstance();
        fc.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text("storage.unavailable"), null));
        fc.validationFailed();
        fc.getExternalContext().setResponseStatus(503);
        fc.getExternalContext()
                .setResponseHeader(
                        "Retry-After",
                        Long.toString(new Problems.StorageUnavailable(Problems.StorageUnavailable.DETAIL)
                                .retryAfterSeconds()));
    }

    public static boolean run(String formId, Runnable action) {
        return attempt(formId, () -> {
                    action.run();
                    return Boolean.TRUE;
                })
                != null;
    }

    static void report(String formId, ProblemException e) {
        FacesContext fc = FacesContext.getCurrentInstance();
        if (e.violations().isEmpty()) {
            fc.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return;
        }
        for (ProblemException.Violation v : e.violations()) {
            String field =
                    v.field().contains(".") ? v.field().substring(0, v.field().indexOf('.')) : v.field();
            UIComponent c = fc.getViewRoot().findComponent(formId + ":" + field);
            fc.addMessage(
                    c == null ? null : c.getClientId(fc),
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            c == null ? v.field() + ": " + v.message() : v.message(),
                            null));
        }
        fc.validationFailed();
    }

    public static void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    public static void redirect(String path) {
        FacesContext fc = FacesContext.getCurrentInstance();
        fc.getExternalContext().getFlash().setKeepMessages(true);
        try {
            fc.getExternalContext().redirect(fc.getExternalContext().getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fc.responseComplete();
    }

    public static String param(String name) {
        return FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get(name);
    }

    public static String text(String key) {
        FacesContext fc = FacesContext.getCurrentInstance();
        return fc.getApplication().getResourceBundle(fc, "t").getString(key);
    }
}
