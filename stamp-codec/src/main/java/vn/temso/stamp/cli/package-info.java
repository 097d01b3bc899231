/** Command line: verify a stamp URL offline against a JWKS file. */
package vn.temso.stamp.cli;
