/** Temso's signed digital stamp: the GS1 Digital Link URL, its canonical signed bytes, signing and verification. */
package vn.temso.stamp;
