/** Random stamp serial numbers (GS1 AI 21 values). */
package vn.temso.stamp.serial;
