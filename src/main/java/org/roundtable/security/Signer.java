package org.roundtable.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs short values with HMAC-SHA256 so they can travel through the browser and come back unforged. */
public final class Signer {

    private static final String ALGORITHM = "HmacSHA256";
    private static final char SEPARATOR = '.';

    /** One keyed Mac per thread: looking one up and keying it cost more than the hashing, on every request. */
    private final ThreadLocal<Mac> macs;

    public Signer(byte[] secret) {
        var key = new SecretKeySpec(secret, ALGORITHM);
        this.macs = ThreadLocal.withInitial(() -> keyed(key));
    }

    /** {@code purpose} keeps a value signed for one use (say, a cookie) from being replayed as another. */
    public String sign(String purpose, String value) {
        return value + SEPARATOR + mac(purpose, value);
    }

    public Optional<String> verify(String purpose, String signed) {
        if (signed == null) {
            return Optional.empty();
        }
        int dot = signed.lastIndexOf(SEPARATOR);
        if (dot <= 0) {
            return Optional.empty();
        }
        String value = signed.substring(0, dot);
        byte[] expected = mac(purpose, value).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = signed.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual) ? Optional.of(value) : Optional.empty();
    }

    /** A keyed one-way hash: the same input gives the same output, and nobody without the secret can link them. */
    public String mac(String purpose, String value) {
        Mac mac = macs.get();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        // doFinal also resets the Mac, keyed, for the thread's next use.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac keyed(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
