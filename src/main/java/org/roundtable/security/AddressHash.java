package org.roundtable.security;

/**
 * A client's address as rules store and look it up: {@code key}, the keyed hash of its {@link AddressKey}, goes into
 * every new row; {@code former}, the hash of the whole address as rows were written before the /64 key, is what
 * bans and blocklist entries made then still carry, so lookups match either until those rows expire or are lifted.
 * For an IPv4 client the two are one.
 */
public record AddressHash(String key, String former) {

    public boolean matches(String storedHash) {
        return key.equals(storedHash) || former.equals(storedHash);
    }
}
