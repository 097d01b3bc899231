/**
 * Accounts and sign-in: password checks behind a hashing gate, failed-login throttles by account and by address,
 * session tokens and account purge.
 */
package vn.temso.account.control;
