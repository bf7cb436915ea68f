package org.roundtable.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Unguessable tokens and the one-way hashes under which they are stored. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** 256 random bits, URL-safe. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256(String value) {
        return sha256(ByteBuffer.wrap(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** The hash of the buffer's remaining bytes; the buffer itself is left as it was. */
    public static String sha256(ByteBuffer value) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(value.duplicate());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private Tokens() {}
}
