package org.roundtable.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageBufferTest {

    @Test
    void bytesWrittenAcrossChunksComeOutWholeAndInOrder() throws IOException {
        byte[] page = new byte[200_000]; // Three chunks and a part of a fourth.
        new Random(7).nextBytes(page);
        var buffer = new PageBuffer();
        int written = 0;
        for (int piece = 1; written < page.length; piece = piece * 3 % 70_001) {
            int length = Math.min(piece, page.length - written);
            buffer.write(page, written, length);
            written += length;
            if (written < page.length) {
                buffer.write(page[written++]);
            }
        }

        assertThat(buffer.size()).isEqualTo(page.length);
        var out = new ByteArrayOutputStream();
        buffer.writeTo(out);
        assertThat(out.toByteArray()).isEqualTo(page);
        ByteBuffer direct = buffer.toDirectBuffer();
        assertThat(direct.isDirect()).isTrue();
        assertThat(direct.isReadOnly()).isTrue();
        byte[] copied = new byte[direct.remaining()];
        direct.get(copied);
        assertThat(copied).isEqualTo(page);
    }

    @Test
    void anEmptyPageHasNoBytes() throws IOException {
        var buffer = new PageBuffer();
        var out = new ByteArrayOutputStream();
        buffer.writeTo(out);
        assertThat(out.size()).isZero();
        assertThat(buffer.toDirectBuffer().remaining()).isZero();
    }
}
