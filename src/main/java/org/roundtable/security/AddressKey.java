package org.roundtable.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The one key every per-address rule counts by (flood limits, reports, helpful marks, searches, bans, the
 * sign-in throttle, connections): an IPv4 address whole, an IPv6 address by its /64, the block one subscriber
 * gets — keyed by the full IPv6 address, one subscriber would count as 2^64 clients. An IPv4-mapped IPv6 address
 * ({@code ::ffff:a.b.c.d}) is its IPv4 address. Only literals are read, never resolved: a text that is not an
 * address (which a misconfigured proxy could pass on) is its own key, and no request waits on DNS.
 */
public final class AddressKey {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final int IPV6_PREFIX_BYTES = 8;

    /** The key of an address as a request gives it: {@code 203.0.113.7} or {@code 2001:db8:1:2::/64}. */
    public static String of(String address) {
        InetAddress parsed = literal(address);
        return parsed == null ? address : of(parsed);
    }

    public static String of(InetAddress address) {
        return address instanceof Inet6Address ? compact(blockOf(address)) + "/64" : address.getHostAddress();
    }

    /** The /64 an IPv6 address belongs to, as an address with the rest zeroed; an IPv4 address itself. */
    public static InetAddress blockOf(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] prefix = Arrays.copyOf(address.getAddress(), 16);
        Arrays.fill(prefix, IPV6_PREFIX_BYTES, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(prefix);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The address a literal names, or null; brackets make Java read it as IPv6 or fail, never look it up. */
    private static InetAddress literal(String address) {
        String text = address.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        try {
            if (text.contains(":")) {
                return InetAddress.getByName("[" + text + "]");
            }
            return IPV4.matcher(text).matches() ? InetAddress.getByName(text) : null;
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }

    /** {@code 2001:db8:1:2:0:0:0:0} as {@code 2001:db8:1:2::}: the /64 keeps its usual spelling. */
    private static String compact(InetAddress block) {
        String full = block.getHostAddress();
        return full.endsWith(":0:0:0:0") ? full.substring(0, full.length() - ":0:0:0:0".length()) + "::" : full;
    }

    private AddressKey() {}
}
