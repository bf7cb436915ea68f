package org.roundtable.antispam;

import java.time.Instant;

/** A blocklist line: a phrase, or the hash of an address, and whether a match is held or spammed. */
public record BlockedEntry(long id, String kind, String value, String verdict, String createdBy, Instant createdAt) {

    public static final String PHRASE = "phrase";
    public static final String IP_HASH = "ip_hash";

    public boolean isPhrase() {
        return PHRASE.equals(kind);
    }
}
