package org.threadline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StoreExceptionTest {
    @Test
    void the_reason_of_a_failed_batch_reaches_the_database_message_beneath_it() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", new int[0]);
        batch.setNextException(new SQLException("could not extend file: No space left on device"));
        assertThat(StoreException.reason(batch))
                .isEqualTo("Batch entry 0 was aborted; could not extend file: No space left on device");
    }

    @Test
    void a_failure_without_words_is_named_by_its_kind_or_its_cause() {
        assertThat(StoreException.reason(new SQLException())).isEqualTo("SQLException");
        assertThat(StoreException.reason(new SQLException("", new java.io.IOException("Broken pipe"))))
                .isEqualTo("Broken pipe");
    }

    @Test
    void a_message_repeated_down_the_chain_is_given_once() {
        SQLException inner = new SQLException("connection refused");
        assertThat(StoreException.reason(new SQLException("connection refused", inner)))
                .isEqualTo("connection refused");
    }

    @Test
    void the_values_a_driver_quotes_in_its_message_never_reach_the_reason() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO indicator_result (subject_person_id,"
                + " evidence) VALUES (('P0225715'), ('[{\"summary\":\"HARASSMENT: victim\"}]')::jsonb) was aborted:"
                + " FATAL: terminating connection due to administrator command  Call getNextException to see other"
                + " errors in the batch.", new int[0]);
        batch.setNextException(new SQLException("ERROR: duplicate key value violates unique constraint \"x_pkey\"\n"
                + "  Detail: Key (event_id)=(E8-187707-P0225716) already exists."));

        assertThat(StoreException.reason(batch))
                .startsWith("Batch entry 0 was aborted: FATAL: terminating connection")
                .contains("duplicate key value violates unique constraint \"x_pkey\"")
                .doesNotContain("P0225715", "HARASSMENT", "E8-187707", "Detail");

        // nor the exception a log would print with its causes
        StoreException thrown = new StoreException("Saving failed", batch);
        java.io.StringWriter printed = new java.io.StringWriter();
        thrown.printStackTrace(new java.io.PrintWriter(printed));
        assertThat(printed.toString()).contains("Batch entry 0 was aborted").doesNotContain("P0225715", "HARASSMENT");
        assertThat(((SQLException) thrown.getCause()).getNextException().getMessage())
                .doesNotContain("E8-187707").contains("duplicate key");
    }
}
