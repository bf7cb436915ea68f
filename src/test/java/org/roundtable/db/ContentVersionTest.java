package org.roundtable.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

@BothEngines
class ContentVersionTest {

    @Test
    void theVersionStartsAtNothingAndEachBumpMovesItOn(Database database) {
        Jdbi jdbi = database.jdbi();
        assertThat(ContentVersion.read(jdbi)).isZero();

        ContentVersion.bump(jdbi);
        assertThat(ContentVersion.read(jdbi)).isEqualTo(1);

        for (int bump = 0; bump < 10; bump++) {
            ContentVersion.bump(jdbi);
        }
        assertThat(ContentVersion.read(jdbi)).as("past one digit").isEqualTo(11);
    }
}
