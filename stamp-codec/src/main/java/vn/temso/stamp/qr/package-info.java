/** QR encoding of stamp URLs with ZXing, and PNG rendering. */
package vn.temso.stamp.qr;
