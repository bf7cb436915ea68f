package org.roundtable.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@BothEngines
class SettingsRepositoryTest {

    private SettingsRepository settings;

    @BeforeEach
    void open(Database database) {
        settings = database.jdbi().onDemand(SettingsRepository.class);
    }

    @Test
    void aValueInsertedUnlessPresentKeepsTheFirst() {
        assertThat(settings.find("server_secret")).isEmpty();

        settings.insertIfAbsent("server_secret", "first");
        settings.insertIfAbsent("server_secret", "second");

        assertThat(settings.find("server_secret")).contains("first");
    }

    @Test
    void aValuePutReplacesWhatWasThere() {
        settings.put("search_words_version", "1");
        settings.put("search_words_version", "۲ — دوم");

        assertThat(settings.find("search_words_version")).contains("۲ — دوم");
        assertThat(settings.find("Search_Words_Version")).as("names differ by case").isEmpty();
    }

    @Test
    void aDeletedValueIsGone() {
        settings.put("setup_token", "hash");
        settings.put("kept", "value");

        settings.delete("setup_token");

        assertThat(settings.find("setup_token")).isEmpty();
        assertThat(settings.find("kept")).contains("value");
    }
}
