/**
 * Label printing for Temso digital stamps: {@link vn.temso.label.item.LabelItem}s plus a template
 * become a PDF for A4 sticker sheets ({@link vn.temso.label.pdf.PdfSheetWriter}) or ZPL for
 * thermal printers ({@link vn.temso.label.zpl.ZplLabelWriter}).
 */
package vn.temso.label;
