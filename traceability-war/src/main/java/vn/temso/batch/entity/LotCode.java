package vn.temso.batch.entity;

/** GS1 AI 10 batch/lot numbers: 1 to 20 characters of GS1's 82-character set (ISO 646 subset). */
public final class LotCode {

    public static final int MAX_LENGTH = 20;
    private static final String GS1_PUNCTUATION = "!\"%&'()*+,-./:;<=>?_";

    private LotCode() {
    }

    public static boolean isGs1Char(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || GS1_PUNCTUATION.indexOf(c) >= 0;
    }

    /** @return the lot code as given (trimmed), or throws IllegalArgumentException saying what is wrong */
    public static String validate(String raw) {
        if (raw == null || raw.strip().isEmpty()) {
            throw new IllegalArgumentException("the lot code is required");
        }
        String lot = raw.strip();
        if (lot.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a lot code has at most 20 characters (got " + lot.length() + ")");
        }
        for (int i = 0; i < lot.length(); i++) {
            char c = lot.charAt(i);
            if (!isGs1Char(c)) {
                throw new IllegalArgumentException("character '" + c + "' at position " + (i + 1)
                        + " is not in the GS1 character set (letters A-Z a-z without diacritics, digits, ! \" % & ' ( ) * + , - . / : ; < = > ? _)");
            }
        }
        return lot;
    }
}
