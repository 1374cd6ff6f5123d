package org.threadline.store.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A standardised row's field values are read from its JSON without building a tree of it. */
class FieldValuesTest {
    final SharedValues shared = new SharedValues();

    @Test
    void each_field_reads_as_its_value_whatever_order_and_escapes_the_json_has() throws Exception {
        String json = "{\"Surname\": {\"outcome\": \"OK\", \"reason\": \"\", \"value\": \"O'Brien \\\"Jr\\\" \\u00e9\"},"
                + " \"DOB\": {\"value\": \"2015-01-01\", \"outcome\": \"FIXED\", \"reason\": {\"why\": [1, 2]}}}";

        assertThat(PeopleStore.fieldValues(json, shared))
                .isEqualTo(Map.of("Surname", "O'Brien \"Jr\" é", "DOB", "2015-01-01"));
    }

    @Test
    void a_field_without_a_value_or_not_an_object_reads_as_empty_and_a_null_value_as_the_word() throws Exception {
        String json = "{\"A\": {\"outcome\": \"MISSING\"}, \"B\": [1, {\"value\": \"x\"}], \"C\": {\"value\": null},"
                + " \"D\": {\"value\": {\"nested\": \"y\"}}, \"E\": {\"value\": 42}}";

        assertThat(PeopleStore.fieldValues(json, shared))
                .isEqualTo(Map.of("A", "", "B", "", "C", "null", "D", "", "E", "42"));
    }

    @Test
    void fields_that_are_not_an_object_are_refused() {
        assertThatThrownBy(() -> PeopleStore.fieldValues("[]", shared)).hasMessageContaining("not a JSON object");
    }
}
