/** Partner use cases: issue a partner's API key (shown once), list and revoke keys, authenticate a presented key. */
package vn.temso.partner.control;
