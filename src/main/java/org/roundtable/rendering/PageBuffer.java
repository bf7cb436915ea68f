package org.roundtable.rendering;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A page's bytes as it renders, held in chunks of 64 KB. In one growing array, every megabyte page was a
 * "humongous" object to G1 (with the 1 MB regions of a small heap, any array of half a region or more is):
 * allocated in the old generation, and each one starting a garbage collection cycle. Chunks live and die
 * young, with the rest of a request's garbage.
 */
public final class PageBuffer extends OutputStream {

    private static final int CHUNK = 64 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current = new byte[0];
    private int used;
    private int size;

    @Override
    public void write(int b) {
        if (used == current.length) {
            nextChunk();
        }
        current[used++] = (byte) b;
        size++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        while (length > 0) {
            if (used == current.length) {
                nextChunk();
            }
            int taken = Math.min(length, current.length - used);
            System.arraycopy(bytes, offset, current, used, taken);
            used += taken;
            offset += taken;
            length -= taken;
            size += taken;
        }
    }

    public int size() {
        return size;
    }

    public void writeTo(OutputStream out) throws IOException {
        for (byte[] chunk : chunks) {
            out.write(chunk, 0, chunk == current ? used : chunk.length);
        }
    }

    /** The bytes in one read-only buffer outside the heap, for the page cache to hand to the socket as they are. */
    public ByteBuffer toDirectBuffer() {
        ByteBuffer direct = ByteBuffer.allocateDirect(size);
        for (byte[] chunk : chunks) {
            direct.put(chunk, 0, chunk == current ? used : chunk.length);
        }
        return direct.flip().asReadOnlyBuffer();
    }

    private void nextChunk() {
        current = new byte[CHUNK];
        chunks.add(current);
        used = 0;
    }
}
