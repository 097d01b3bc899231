package vn.temso.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.function.Function;
import vn.temso.platform.problem.Problems;

/**
 * The tenancy checks of every feature, in one place: a record another tenant owns is "not found", exactly like a
 * record that does not exist (no probing of ids), and one that may be read but not changed is 403. Lists are
 * filtered in the query ({@link TenantScope}).
 */
@ApplicationScoped
public class Tenancy {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller current;

    /**
     * @param what  the record's name in the 404 problem, e.g. {@code "Zone"}
     * @param owner the cooperative that owns a record
     * @return the record if the caller may read its cooperative's data; otherwise 404
     */
    public <T> T readable(Class<T> type, String id, String what, Function<? super T, ? extends Tenant> owner) {
        Caller caller = current.require();
        T t = id == null ? null : em.find(type, id);
        if (t == null) {
            throw new Problems.NotFound(what, id);
        }
        Tenant coop = owner.apply(t);
        if (!caller.canRead(coop.getId(), coop.getCommuneKey())) {
            throw new Problems.NotFound(what, id);
        }
        return t;
    }

    /** The record if the caller may change its cooperative's registry; 404 as {@link #readable}, 403 if read-only. */
    public <T> T manageable(Class<T> type, String id, String what, Function<? super T, ? extends Tenant> owner) {
        T t = readable(type, id, what, owner);
        requireManage(owner.apply(t));
        return t;
    }

    /** 403 unless the caller may change the registry of this cooperative (which the caller can read). */
    public void requireManage(Tenant coop) {
        Caller caller = current.require();
        if (!caller.canManage(coop.getId())) {
            throw new Problems.Forbidden("Your role (" + caller.role() + ") may not change this cooperative's data");
        }
    }

    /**
     * The record if the caller may enter records for its cooperative ({@link Caller#canEnterFor}: its managers,
     * admins, the digital team of its commune); 404 as {@link #readable}, 403 if the caller may only read it.
     */
    public <T> T enterable(Class<T> type, String id, String what, Function<? super T, ? extends Tenant> owner) {
        T t = readable(type, id, what, owner);
        requireEnter(owner.apply(t));
        return t;
    }

    /**
     * 403 unless the caller may enter records (zones, diary entries, imports) for this cooperative, which the caller
     * can read. The check for import and diary code: call it with the cooperative the rows are for.
     */
    public void requireEnter(Tenant coop) {
        Caller caller = current.require();
        if (!caller.canEnterFor(coop.getId(), coop.getCommuneKey())) {
            throw new Problems.Forbidden(
                    "Your role (" + caller.role() + ") may not enter records for this cooperative");
        }
    }

    /** May the current caller enter records for this cooperative? {@link #requireEnter} without the 403. */
    public boolean canEnterFor(Tenant coop) {
        Caller caller = current.require();
        return caller.canEnterFor(coop.getId(), coop.getCommuneKey());
    }

    /** The current caller's list condition, see {@link TenantScope#condition}. */
    public String scope(String coopPath, Map<String, Object> params) {
        return TenantScope.condition(current.require(), coopPath, params);
    }
}
