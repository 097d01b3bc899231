/** Ed25519 stamp keys: generation, key ids, JWKS publication with revocation, sealing private keys at rest. */
package vn.temso.stamp.key;
