package org.roundtable.security;

import io.javalin.http.Context;

/**
 * Client addresses as Roundtable keeps them: a keyed hash of the {@link AddressKey}, enough to ban or throttle an
 * address without storing or logging the address itself.
 */
public final class IpHashes {

    private static final String PURPOSE = "ip";

    private final Signer signer;

    public IpHashes(Signer signer) {
        this.signer = signer;
    }

    /** The hash every per-address rule counts and stores this request's client by. */
    public String of(Context ctx) {
        return of(ctx.ip());
    }

    public String of(String address) {
        return signer.mac(PURPOSE, AddressKey.of(address));
    }

    /** This client's hash together with the one rows written before the /64 key carry; for lookups of bans. */
    public AddressHash withFormer(Context ctx) {
        return withFormer(ctx.ip());
    }

    public AddressHash withFormer(String address) {
        return new AddressHash(of(address), signer.mac(PURPOSE, address));
    }
}
