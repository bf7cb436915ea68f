package org.roundtable.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one key every per-address rule counts by. */
class AddressKeyTest {

    @Test
    void anIpv4AddressIsItsOwnKey() {
        assertThat(AddressKey.of("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(AddressKey.of("203.0.113.8")).isNotEqualTo(AddressKey.of("203.0.113.7"));
    }

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        assertThat(AddressKey.of("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2::/64")
                .isEqualTo(AddressKey.of("2001:db8:1:2::2"))
                .isEqualTo(AddressKey.of("2001:db8:1:2:ffff:ffff:ffff:ffff"))
                .isEqualTo(AddressKey.of("[2001:0db8:0001:0002:0:0:0:3]"));
        assertThat(AddressKey.of("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
    }

    @Test
    void anIpv4MappedIpv6AddressIsItsIpv4Address() {
        assertThat(AddressKey.of("::ffff:198.51.100.4")).isEqualTo("198.51.100.4");
    }

    @Test
    void textThatIsNotAnAddressIsItsOwnKeyAndIsNeverLookedUp() {
        assertThat(AddressKey.of("localhost")).isEqualTo("localhost");
        assertThat(AddressKey.of("example.invalid")).isEqualTo("example.invalid");
        assertThat(AddressKey.of("999.1.1.1")).isEqualTo("999.1.1.1");
        assertThat(AddressKey.of("fe80::zz")).isEqualTo("fe80::zz");
    }
}
