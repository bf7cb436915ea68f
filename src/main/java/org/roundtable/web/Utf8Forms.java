package org.roundtable.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Refuses form posts that are not valid UTF-8. Decoders would otherwise quietly turn the bad bytes into
 * replacement characters, and what was stored would no longer be what was sent.
 */
public final class Utf8Forms {

    public static void check(Context ctx) {
        if (ctx.method() != HandlerType.POST || !String.valueOf(ctx.contentType()).startsWith("application/x-www-form-urlencoded")) {
            return;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(percentDecoded(ctx.bodyAsBytes())));
        } catch (CharacterCodingException | IllegalArgumentException e) {
            throw new ReaderFacingError(HttpStatus.BAD_REQUEST,
                    "The form arrived with text that is not valid UTF-8, so it was not saved. Please try again.");
        }
    }

    /** The bytes a form body stands for, with %XX escapes and '+' turned back into what they encode. */
    static byte[] percentDecoded(byte[] body) {
        var out = new ByteArrayOutputStream(body.length);
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b == '%') {
                if (i + 2 >= body.length) {
                    throw new IllegalArgumentException("Truncated escape");
                }
                // HexFormat takes ASCII hex digits only, where Integer.parseInt would take any script's digits.
                out.write(HexFormat.fromHexDigits(new String(body, i + 1, 2, StandardCharsets.US_ASCII)));
                i += 2;
            } else {
                out.write(b == '+' ? ' ' : b);
            }
        }
        return out.toByteArray();
    }

    private Utf8Forms() {}
}
