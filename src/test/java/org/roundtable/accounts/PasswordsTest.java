package org.roundtable.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.roundtable.app.Config;

class PasswordsTest {

    @Test
    void aSiteHashesWithElevenRoundsUnlessToldOtherwise() {
        int rounds = Config.fromMap(Map.of()).bcryptRounds();
        assertThat(rounds).isEqualTo(Passwords.DEFAULT_ROUNDS).isEqualTo(11);
        assertThat(new Passwords(rounds).hash("correct horse battery")).startsWith("$2a$11$");
        assertThat(Config.fromMap(Map.of("BCRYPT_ROUNDS", "12")).bcryptRounds()).isEqualTo(12);
    }

    @Test
    void passwordsHashedWithOtherRoundsStillSignIn() {
        String hashedEarlier = new Passwords(5).hash("correct horse battery");
        var passwords = new Passwords(4);
        assertThat(passwords.matches("correct horse battery", Optional.of(hashedEarlier))).isTrue();
        assertThat(passwords.matches("correct horse batterx", Optional.of(hashedEarlier))).isFalse();
        assertThat(passwords.matches("correct horse battery", Optional.empty())).as("no such account").isFalse();
    }

    @Test
    void roundsOutsideWhatBCryptAllowsAreRefusedAtStartUp() {
        for (String value : new String[] {"3", "32", "eleven", ""}) {
            assertThatThrownBy(() -> Config.fromMap(Map.of("BCRYPT_ROUNDS", value)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BCRYPT_ROUNDS");
        }
        assertThat(Config.fromMap(Map.of("BCRYPT_ROUNDS", " 4 ")).bcryptRounds()).isEqualTo(4);
    }
}
