package io.convosowarehouse.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.convosowarehouse.load.LabelDictionary.Label;
import io.convosowarehouse.testsupport.TestDatabase;

/** The label dictionary on a real database, at the size of a large account's first answer. */
class LabelDictionaryTest {

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.migrated("label_dictionary");
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    /**
     * A 10,000-agent account's first answer brings tens of thousands of new labels (names, extensions, ...);
     * one statement matching them all nested too deep for PostgreSQL's stack and failed every first poll.
     */
    @Test
    void registersTheLabelsOfA10000AgentAnswerAtOnce() {
        List<Label> labels = IntStream.range(0, 30_000)
                .mapToObj(i -> new Label(i % 2 == 0 ? "user_full_name" : "extension", "value " + i))
                .toList();
        LabelDictionary dictionary = new LabelDictionary(database.dsl());

        dictionary.register(labels);

        assertThat(labels).allSatisfy(label -> assertThat(dictionary.idOf(label.field(), label.value())).isNotNull());
        assertThat(labels.stream().map(label -> dictionary.idOf(label.field(), label.value())).distinct()).hasSize(30_000);
        LabelDictionary fresh = new LabelDictionary(database.dsl());
        fresh.register(labels);
        assertThat(fresh.idOf("extension", "value 1")).isEqualTo(dictionary.idOf("extension", "value 1"));
    }
}
