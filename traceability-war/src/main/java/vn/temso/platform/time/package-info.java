/**
 * Time: the one injected {@code Clock} ({@link vn.temso.platform.time.Clocks}) and the one zone for farm and
 * certificate dates, Asia/Ho_Chi_Minh ({@link vn.temso.platform.time.FarmTime}).
 */
package vn.temso.platform.time;
