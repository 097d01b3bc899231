package vn.temso.label.layout;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Version;
import com.google.zxing.qrcode.encoder.ByteMatrix;

/**
 * Chooses the QR data mask exactly as ZXing's {@code Encoder} does (the lowest sum of the four
 * {@code MaskUtil} penalty rules, the first mask on ties), but from one encoded matrix.
 *
 * <p>ZXing rebuilds the whole symbol for each of the 8 masks (placing every data bit through a
 * {@code BitArray} and a per-module mask switch) and scores it; that was most of the time of a
 * label. Here the symbol is encoded once by ZXing with mask 0, the data modules are unmasked with
 * a per-version table, and each candidate is one XOR pass plus the 15 format-information bits,
 * scored on a flat byte array by rules that reproduce ZXing 3.5.4's {@code MaskUtil} rule for rule
 * (including its reading of rule 3: the four light cells must lie inside the symbol).
 * {@code QrMasksTest} checks the chosen mask and the final matrix against ZXing's own choice.
 */
final class QrMasks {

    private static final int N1 = 3;
    private static final int N2 = 3;
    private static final int N3 = 40;
    private static final int N4 = 10;
    private static final int FINDER_LIKE = 0b1011101;
    private static final int TYPE_INFO_POLY = 0x537;
    private static final int TYPE_INFO_MASK_PATTERN = 0x5412;
    /** Format-information cells near the top-left finder, bit i (LSB first) at {x, y}, as ZXing places them. */
    private static final int[][] TYPE_INFO_COORDINATES = {
        {8, 0}, {8, 1}, {8, 2}, {8, 3}, {8, 4}, {8, 5}, {8, 7}, {8, 8}, {7, 8}, {5, 8}, {4, 8}, {3, 8}, {2, 8}, {1, 8},
        {0, 8},
    };

    /** Per version: flip[mask][y * n + x] = 1 where a data module is inverted by that mask. */
    private static final byte[][][] FLIPS = new byte[41][][];
    /** The same as row bits (bit x of row y), for versions of at most 64 modules. */
    private static final long[][][] FLIP_ROWS = new long[41][][];

    private QrMasks() {}

    /** The chosen mask and the symbol masked with it. */
    record Masked(int mask, byte[][] rows) {}

    /**
     * @param mask0   ZXing's matrix of the symbol built with mask pattern 0
     * @param version its version number
     * @param level   its error correction level
     */
    static Masked choose(ByteMatrix mask0, int version, ErrorCorrectionLevel level) {
        int n = mask0.getWidth();
        byte[][] flips = flips(version, n);
        if (n <= 64) {
            return chooseByRowBits(mask0, version, flips, level, n);
        }
        byte[] unmasked = new byte[n * n];
        byte[][] src = mask0.getArray();
        for (int y = 0; y < n; y++) {
            System.arraycopy(src[y], 0, unmasked, y * n, n);
        }
        xor(unmasked, flips[0]);

        byte[] candidate = new byte[n * n];
        byte[] transposed = new byte[n * n];
        int bestMask = -1;
        int bestPenalty = Integer.MAX_VALUE;
        for (int mask = 0; mask < 8; mask++) {
            masked(unmasked, flips[mask], mask, level, n, candidate);
            int penalty = penalty(candidate, transposed, n);
            if (penalty < bestPenalty) {
                bestPenalty = penalty;
                bestMask = mask;
            }
        }
        masked(unmasked, flips[bestMask], bestMask, level, n, candidate);
        byte[][] rows = new byte[n][];
        for (int y = 0; y < n; y++) {
            rows[y] = java.util.Arrays.copyOfRange(candidate, y * n, (y + 1) * n);
        }
        return new Masked(bestMask, rows);
    }

    /**
     * Versions 1-11 (up to 61 modules, stamp URLs at levels L-Q): each row in one long, bit x =
     * module x, and every rule evaluated on 64 modules at a time; the same scores as {@link #penalty}.
     */
    private static Masked chooseByRowBits(
            ByteMatrix mask0, int version, byte[][] flips, ErrorCorrectionLevel level, int n) {
        long[] candidate = new long[n];
        int bestMask = -1;
        int bestPenalty = Integer.MAX_VALUE;
        long[][] flipRows = FLIP_ROWS[version];
        if (flipRows == null) {
            flipRows = new long[8][];
            for (int mask = 0; mask < 8; mask++) {
                flipRows[mask] = flipRows(flips[mask], n);
            }
            FLIP_ROWS[version] = flipRows; // benign race, as for FLIPS
        }
        long[] unmaskedRows = rowBits(mask0.getArray(), n);
        xor(unmaskedRows, flipRows[0]);
        for (int mask = 0; mask < 8; mask++) {
            maskedRows(unmaskedRows, flipRows[mask], mask, level, n, candidate);
            int penalty = penalty(candidate, n);
            if (penalty < bestPenalty) {
                bestPenalty = penalty;
                bestMask = mask;
            }
        }
        maskedRows(unmaskedRows, flipRows[bestMask], bestMask, level, n, candidate);
        byte[][] rows = new byte[n][n];
        for (int y = 0; y < n; y++) {
            long r = candidate[y];
            for (int x = 0; x < n; x++) {
                rows[y][x] = (byte) ((r >>> x) & 1);
            }
        }
        return new Masked(bestMask, rows);
    }

    private static long[] rowBits(byte[][] a, int n) {
        long[] rows = new long[n];
        for (int y = 0; y < n; y++) {
            long r = 0;
            for (int x = 0; x < n; x++) {
                r |= (long) (a[y][x] & 1) << x;
            }
            rows[y] = r;
        }
        return rows;
    }

    private static long[] flipRows(byte[] flip, int n) {
        long[] rows = new long[n];
        for (int y = 0; y < n; y++) {
            long r = 0;
            for (int x = 0; x < n; x++) {
                r |= (long) flip[y * n + x] << x;
            }
            rows[y] = r;
        }
        return rows;
    }

    private static void xor(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] ^= b[i];
        }
    }

    private static void maskedRows(
            long[] unmasked, long[] flip, int mask, ErrorCorrectionLevel level, int n, long[] out) {
        for (int y = 0; y < n; y++) {
            out[y] = unmasked[y] ^ flip[y];
        }
        int bits = typeInfoBits(level, mask);
        for (int i = 0; i < 15; i++) {
            long bit = (bits >>> i) & 1;
            setBit(out, TYPE_INFO_COORDINATES[i][0], TYPE_INFO_COORDINATES[i][1], bit);
            if (i < 8) {
                setBit(out, n - i - 1, 8, bit);
            } else {
                setBit(out, 8, n - 7 + (i - 8), bit);
            }
        }
    }

    private static void setBit(long[] rows, int x, int y, long bit) {
        rows[y] = (rows[y] & ~(1L << x)) | (bit << x);
    }

    /** MaskUtil rules 1-4 summed, for a symbol of at most 64 modules given as row bits. */
    static int penalty(long[] r, int n) {
        long valid = n == 64 ? -1L : (1L << n) - 1;
        int dark = 0;
        int runs = 0;
        int blocks = 0;
        int finders = 0;
        long finderStarts = n >= 7 ? (1L << (n - 6)) - 1 : 0; // x such that x + 6 < n
        long s1 = 0; // column-wise: same as the row above, for the last 3 rows
        long s2 = 0;
        long s3 = 0;
        long prevS4 = 0;
        for (int y = 0; y < n; y++) {
            long row = r[y];
            dark += Long.bitCount(row);
            // rule 1 along the row: positions whose previous 4 neighbours are the same colour
            long same = ~(row ^ (row << 1)) & valid & ~1L;
            long s4 = same & (same << 1) & (same << 2) & (same << 3);
            runs += Long.bitCount(s4) + 2 * Long.bitCount(s4 & ~(s4 << 1));
            // rule 3 along the row
            long light = ~row & valid;
            long pattern = row
                    & ~(row >>> 1)
                    & (row >>> 2)
                    & (row >>> 3)
                    & (row >>> 4)
                    & ~(row >>> 5)
                    & (row >>> 6)
                    & finderStarts;
            if (pattern != 0) {
                long lightBefore = (light << 1) & (light << 2) & (light << 3) & (light << 4);
                long lightAfter = (light >>> 7) & (light >>> 8) & (light >>> 9) & (light >>> 10);
                finders += Long.bitCount(pattern & (lightBefore | lightAfter));
            }
            if (y > 0) {
                long above = r[y - 1];
                // rule 2: 2x2 blocks whose top-left module is (x, y - 1)
                long eqV = ~(row ^ above);
                long eqH = ~(above ^ (above >>> 1));
                blocks += Long.bitCount(eqV & (eqV >>> 1) & eqH & (valid >>> 1));
                // rule 1 down the columns, all columns at once
                long sameV = eqV & valid;
                long s4v = sameV & s1 & s2 & s3;
                runs += Long.bitCount(s4v) + 2 * Long.bitCount(s4v & ~prevS4);
                prevS4 = s4v;
                s3 = s2;
                s2 = s1;
                s1 = sameV;
            }
            // rule 3 down the columns: a pattern starting at row y
            if (y + 6 < n) {
                long vp = row & ~r[y + 1] & r[y + 2] & r[y + 3] & r[y + 4] & ~r[y + 5] & r[y + 6] & valid;
                if (vp != 0) {
                    long lightBefore = y >= 4 ? ~(r[y - 4] | r[y - 3] | r[y - 2] | r[y - 1]) : 0;
                    long lightAfter = y + 11 <= n ? ~(r[y + 7] | r[y + 8] | r[y + 9] | r[y + 10]) : 0;
                    finders += Long.bitCount(vp & (lightBefore | lightAfter));
                }
            }
        }
        int total = n * n;
        return runs + N2 * blocks + N3 * finders + Math.abs(dark * 2 - total) * 10 / total * N4;
    }

    private static int typeInfoBits(ErrorCorrectionLevel level, int mask) {
        int typeInfo = (level.getBits() << 3) | mask;
        return ((typeInfo << 10) | bch(typeInfo)) ^ TYPE_INFO_MASK_PATTERN;
    }

    private static void masked(byte[] unmasked, byte[] flip, int mask, ErrorCorrectionLevel level, int n, byte[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (unmasked[i] ^ flip[i]);
        }
        int bits = typeInfoBits(level, mask);
        for (int i = 0; i < 15; i++) {
            byte bit = (byte) ((bits >>> i) & 1);
            out[TYPE_INFO_COORDINATES[i][1] * n + TYPE_INFO_COORDINATES[i][0]] = bit;
            if (i < 8) {
                out[8 * n + (n - i - 1)] = bit;
            } else {
                out[(n - 7 + (i - 8)) * n + 8] = bit;
            }
        }
    }

    private static int bch(int value) {
        int v = value << 10;
        while (32 - Integer.numberOfLeadingZeros(v) >= 11) {
            v ^= TYPE_INFO_POLY << (32 - Integer.numberOfLeadingZeros(v) - 11);
        }
        return v;
    }

    private static void xor(byte[] a, byte[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] ^= b[i];
        }
    }

    /** MaskUtil rules 1-4 summed; {@code t} is scratch space for the transposed symbol. */
    static int penalty(byte[] m, byte[] t, int n) {
        int dark = 0;
        for (int y = 0; y < n; y++) {
            int row = y * n;
            for (int x = 0; x < n; x++) {
                byte v = m[row + x];
                t[x * n + y] = v;
                dark += v;
            }
        }
        int penalty = 0;
        for (int i = 0; i < n; i++) {
            penalty += runsAndFinders(m, i * n, n) + runsAndFinders(t, i * n, n);
        }
        int blocks = 0;
        for (int y = 0; y < n - 1; y++) {
            int a = y * n;
            int b = a + n;
            for (int x = 0; x < n - 1; x++) {
                byte v = m[a + x];
                if (v == m[a + x + 1] && v == m[b + x] && v == m[b + x + 1]) {
                    blocks++;
                }
            }
        }
        penalty += N2 * blocks;
        int total = n * n;
        penalty += Math.abs(dark * 2 - total) * 10 / total * N4;
        return penalty;
    }

    /** Rule 1 (runs of 5 or more) and rule 3 (1:1:3:1:1 with 4 light cells on one side) along one line. */
    private static int runsAndFinders(byte[] a, int start, int n) {
        int penalty = 0;
        int run = 0;
        int prev = -1;
        int window = 0;
        int end = start + n;
        for (int i = start; i < end; i++) {
            int bit = a[i];
            if (bit == prev) {
                run++;
            } else {
                if (run >= 5) {
                    penalty += N1 + run - 5;
                }
                run = 1;
                prev = bit;
            }
            window = ((window << 1) | bit) & 0x7F;
            if (window == FINDER_LIKE && i - start >= 6) {
                int first = i - 6;
                // as ZXing 3.5.4: four light cells inside the symbol, the edge does not count as light
                if ((first - 4 >= start && isLight(a, first - 4, first))
                        || (i + 5 <= end && isLight(a, i + 1, i + 5))) {
                    penalty += N3;
                }
            }
        }
        if (run >= 5) {
            penalty += N1 + run - 5;
        }
        return penalty;
    }

    private static boolean isLight(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] == 1) {
                return false;
            }
        }
        return true;
    }

    private static byte[][] flips(int version, int n) {
        byte[][] flips = FLIPS[version];
        if (flips == null) {
            flips = buildFlips(version, n);
            FLIPS[version] = flips; // a benign race: every thread builds the same immutable table
        }
        return flips;
    }

    private static byte[][] buildFlips(int version, int n) {
        boolean[] function = new boolean[n * n];
        // finder patterns with separators and format information: the three 9x9 / 9x8 / 8x9 corners
        fill(function, n, 0, 0, 9, 9);
        fill(function, n, n - 8, 0, 8, 9);
        fill(function, n, 0, n - 8, 9, 8);
        // timing patterns
        fill(function, n, 0, 6, n, 1);
        fill(function, n, 6, 0, 1, n);
        int[] centers = Version.getVersionForNumber(version).getAlignmentPatternCenters();
        for (int cy : centers) {
            for (int cx : centers) {
                boolean onFinder = (cx == 6 && cy == 6) || (cx == 6 && cy == n - 7) || (cx == n - 7 && cy == 6);
                if (!onFinder) {
                    fill(function, n, cx - 2, cy - 2, 5, 5);
                }
            }
        }
        if (version >= 7) {
            fill(function, n, 0, n - 11, 6, 3);
            fill(function, n, n - 11, 0, 3, 6);
        }
        byte[][] flips = new byte[8][n * n];
        for (int mask = 0; mask < 8; mask++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    if (!function[y * n + x] && maskBit(mask, x, y)) {
                        flips[mask][y * n + x] = 1;
                    }
                }
            }
        }
        return flips;
    }

    private static void fill(boolean[] cells, int n, int x0, int y0, int w, int h) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                cells[y * n + x] = true;
            }
        }
    }

    /** ISO/IEC 18004 data mask conditions (ZXing's MaskUtil.getDataMaskBit). */
    static boolean maskBit(int mask, int x, int y) {
        int p = x * y;
        return switch (mask) {
            case 0 -> ((y + x) & 1) == 0;
            case 1 -> (y & 1) == 0;
            case 2 -> x % 3 == 0;
            case 3 -> (y + x) % 3 == 0;
            case 4 -> (((y / 2) + (x / 3)) & 1) == 0;
            case 5 -> (p & 1) + (p % 3) == 0;
            case 6 -> (((p & 1) + (p % 3)) & 1) == 0;
            case 7 -> (((p % 3) + ((y + x) & 1)) & 1) == 0;
            default -> throw new IllegalArgumentException("mask " + mask);
        };
    }
}
