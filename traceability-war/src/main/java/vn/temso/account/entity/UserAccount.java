package vn.temso.account.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.PasswordHasher;
import vn.temso.platform.security.Role;
import vn.temso.platform.text.Texts;

/**
 * A person who signs in. Cooperative roles belong to exactly one cooperative; commune staff to a set of
 * communes. The password is only ever held as an Argon2id hash.
 */
@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    @Column(length = 36)
    private String id;

    private String username;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "cooperative_id")
    private Cooperative cooperative;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_commune", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "commune_key")
    private Set<String> communeKeys = new HashSet<>();

    private boolean enabled;

    /** Set by a password reset: the temporary password signs in, but only to change it. */
    @Column(name = "must_change_password")
    private boolean mustChangePassword;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private int version;

    protected UserAccount() {}

    public UserAccount(
            String username,
            String displayName,
            Role role,
            Cooperative cooperative,
            Set<String> communes,
            String password,
            Instant createdAt) {
        this(username, displayName, role, cooperative, communes, createdAt);
        changePassword(password);
    }

    /**
     * An account whose password was hashed elsewhere: the demo accounts share one hash of their one public password
     * (hashing it per account was most of the demo data's start-up time).
     */
    public static UserAccount withPasswordHash(
            String username,
            String displayName,
            Role role,
            Cooperative cooperative,
            Set<String> communes,
            String passwordHash,
            Instant createdAt) {
        UserAccount account = new UserAccount(username, displayName, role, cooperative, communes, createdAt);
        account.passwordHash = passwordHash;
        return account;
    }

    private UserAccount(
            String username,
            String displayName,
            Role role,
            Cooperative cooperative,
            Set<String> communes,
            Instant createdAt) {
        boolean coopRole = role == Role.COOP_MANAGER || role == Role.COOP_MEMBER;
        if (coopRole != (cooperative != null)) {
            throw new IllegalArgumentException("cooperative roles need a cooperative; other roles must not have one");
        }
        this.id = UUID.randomUUID().toString();
        this.username = normalizeUsername(username);
        this.displayName = Texts.clean(displayName);
        this.role = role;
        this.cooperative = cooperative;
        communes.stream().map(Texts::key).filter(k -> k != null).forEach(communeKeys::add);
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public static String normalizeUsername(String username) {
        return username == null ? null : Texts.clean(username).toLowerCase(Locale.ROOT);
    }

    public void changePassword(String password) {
        this.passwordHash = PasswordHasher.hash(password);
    }

    /**
     * A hash computed elsewhere (outside the transaction, within the bound on parallel hashing): the user's own new
     * password, so a pending forced change is done.
     */
    public void replacePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        this.mustChangePassword = false;
    }

    /** A password reset: the hash of a one-time temporary password, which the user must change at sign-in. */
    public void resetPassword(String temporaryPasswordHash) {
        this.passwordHash = temporaryPasswordHash;
        this.mustChangePassword = true;
    }

    /**
     * A new role, with the cooperative and communes it needs: cooperative roles exactly one cooperative, commune
     * staff and digital teams at least one commune, admins neither.
     */
    public void changeRole(Role newRole, Cooperative newCooperative, Set<String> communes) {
        boolean coopRole = newRole == Role.COOP_MANAGER || newRole == Role.COOP_MEMBER;
        if (coopRole != (newCooperative != null)) {
            throw new IllegalArgumentException("cooperative roles need a cooperative; other roles must not have one");
        }
        this.role = newRole;
        this.cooperative = newCooperative;
        communeKeys.clear();
        if (newRole == Role.COMMUNE_STAFF || newRole == Role.DIGITAL_TEAM) {
            communes.stream().map(Texts::key).filter(k -> k != null).forEach(communeKeys::add);
        }
    }

    public boolean passwordMatches(String password) {
        return PasswordHasher.verify(password, passwordHash);
    }

    public Caller toCaller() {
        return new Caller(id, username, role, cooperative == null ? null : cooperative.getId(), communeKeys);
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    public String getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public Cooperative getCooperative() {
        return cooperative;
    }

    public Set<String> getCommuneKeys() {
        return Set.copyOf(communeKeys);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
