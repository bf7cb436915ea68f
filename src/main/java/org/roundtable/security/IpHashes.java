package org.roundtable.security;

import io.javalin.http.Context;

/**
 * Client addresses as Roundtable keeps them: a keyed hash, enough to ban or throttle an address without
 * storing or logging the address itself.
 */
public final class IpHashes {

    private final Signer signer;

    public IpHashes(Signer signer) {
        this.signer = signer;
    }

    public String of(Context ctx) {
        return of(ctx.ip());
    }

    public String of(String address) {
        return signer.mac("ip", address);
    }
}
