package vn.temso.printing.entity;

/** What a print job produces: a PDF for A4 sticker sheets, or ZPL for Zebra-compatible thermal printers. */
public enum PrintFormat {
    PDF("application/pdf", "pdf"),
    ZPL("application/vnd.zebra.zpl", "zpl");

    private final String mediaType;
    private final String extension;

    PrintFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
