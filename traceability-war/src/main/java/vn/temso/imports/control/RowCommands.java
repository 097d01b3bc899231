package vn.temso.imports.control;

/**
 * Turns a sheet row into the command of its kind, checking it as the API checks a request (the boundary supplies
 * this: its request records carry the field rules).
 */
@FunctionalInterface
public interface RowCommands<C> {
    C command(SheetRow row);
}
