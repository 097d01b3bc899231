package vn.temso.catalog.feed;

import java.io.IOException;
import java.io.Writer;

/**
 * A buffering {@link Writer} without locks, for one thread. The JDK's StAX writer escapes text one character at a
 * time, a {@code write(int)} call each; {@link java.io.BufferedWriter} takes its lock on every call, and that alone
 * was about a second of a 64 MB (100,000-item) feed. Not thread-safe: a feed is written by one thread.
 */
final class CharBuffering extends Writer {

    private final Writer out;
    private final char[] buffer;
    private int used;

    CharBuffering(Writer out, int size) {
        this.out = out;
        this.buffer = new char[size];
    }

    @Override
    public void write(int c) throws IOException {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = (char) c;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        if (len >= buffer.length) {
            drain();
            out.write(chars, off, len);
            return;
        }
        if (len > buffer.length - used) {
            drain();
        }
        System.arraycopy(chars, off, buffer, used, len);
        used += len;
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        if (len > buffer.length - used) {
            drain();
            if (len >= buffer.length) {
                out.write(s, off, len);
                return;
            }
        }
        s.getChars(off, off + len, buffer, used);
        used += len;
    }

    private void drain() throws IOException {
        if (used > 0) {
            out.write(buffer, 0, used);
            used = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
